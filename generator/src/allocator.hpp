// Allocator settings for the simpul program, applied once before a build
// (not for the preview server). A no-op unless the program is linked with mimalloc.
#pragma once

namespace simpul::gen {

// Lets mimalloc take its memory in 2 MiB pages where the kernel allows it.
void tune_allocator();

}  // namespace simpul::gen
