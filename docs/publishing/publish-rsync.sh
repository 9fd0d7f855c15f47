#!/usr/bin/env bash
# Publish to any static host over SSH (or to a local folder) with rsync:
#   docs/publishing/publish-rsync.sh user@host:/var/www/simpul/
# Checks and builds first; uploads only when both succeed. --delete removes
# pages of records that were deleted; the host never sees a half-built site
# because the build is complete before the upload starts.
set -euo pipefail
dest=${1:?usage: publish-rsync.sh DESTINATION (user@host:/path/ or a local folder)}
simpul=${SIMPUL:-./build/dev/generator/simpul}
content=${CONTENT:-content}
out=${OUT:-public}
"$simpul" check "$content"
"$simpul" build "$content" -o "$out"
rsync -a --delete --checksum "$out"/ "$dest"
echo "Published $out/ to $dest"
