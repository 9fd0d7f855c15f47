// Allocator settings for the simpul program, applied once before a build or
// the live preview. A no-op unless the program is linked with mimalloc.
#pragma once

namespace simpul::gen {

// Lets mimalloc take its memory in 2 MiB pages where the kernel allows it. With
// `resident` (the live preview, which rebuilds again and again), memory a
// rebuild frees is kept for the next one for 10 s instead of 25-500 ms.
void tune_allocator(bool resident = false);

}  // namespace simpul::gen
