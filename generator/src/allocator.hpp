// Allocator settings for the simpul program, applied once at start-up before
// any build. A no-op unless the program is linked with mimalloc.
#pragma once

namespace simpul::gen {

// Lets mimalloc take its memory in 2 MiB pages where the kernel allows it.
void tune_allocator();

}  // namespace simpul::gen
