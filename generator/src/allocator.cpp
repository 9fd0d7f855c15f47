// Allocator settings for the simpul program (see allocator.hpp). Compiled
// into the program only, not the library the tests use: mimalloc is linked
// there alone (generator/CMakeLists.txt).
#include "allocator.hpp"

#include <cstdlib>

#ifdef SIMPUL_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace simpul::gen {

void tune_allocator(bool resident) {
#ifdef SIMPUL_WITH_MIMALLOC
    // Every 4 KiB page a build touches for the first time costs a page fault,
    // and on a virtual machine a fault is dear: a one-edit rebuild at 10k
    // innovations took 43k of them, a fifth of its time. With large OS pages
    // mimalloc asks for huge pages (2 MiB: transparent ones with madvise where
    // no pool is reserved), and the same rebuild takes 19k-34k. mimalloc keeps
    // such memory once it has it, which suits the live preview too: each of its
    // rebuilds needs about as much as the last (at 10k, 530-590 ms a rebuild
    // instead of 670-940). The environment (MIMALLOC_LARGE_OS_PAGES, or
    // MIMALLOC_ALLOW_LARGE_OS_PAGES in later mimalloc versions) still decides when it says.
    if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr &&
        std::getenv("MIMALLOC_ALLOW_LARGE_OS_PAGES") == nullptr)
        mi_option_enable(mi_option_large_os_pages);
    // mimalloc gives a thread's first segment (4 MiB) small pages, committed as
    // it goes, and every parallel stage starts new threads: the load stage's
    // memory came in 4 KiB faults. With no such delay a 10k rebuild takes
    // 9k-12k faults instead of 19k-22k, and 5-8 % less time; full 10k builds,
    // alternated, took 4.38-5.65 s against 4.59-5.73 s (bench/README.md).
    if (std::getenv("MIMALLOC_EAGER_COMMIT_DELAY") == nullptr)
        mi_option_set(mi_option_eager_commit_delay, 0);
    // The preview's rebuilds each free about what the next one takes: memory
    // handed back to the kernel at once costs the next rebuild a fault per page
    // again. Kept 10 s (mimalloc hands it back at its next call after that), a
    // 10k rebuild took 380-480 ms instead of 460-810 ms, for 240-270 MB of
    // memory instead of 170-180 MB.
    if (resident && std::getenv("MIMALLOC_DECOMMIT_DELAY") == nullptr &&
        std::getenv("MIMALLOC_SEGMENT_DECOMMIT_DELAY") == nullptr) {
        mi_option_set(mi_option_decommit_delay, 10000);
        mi_option_set(mi_option_segment_decommit_delay, 10000);
    }
#else
    (void)resident;
#endif
}

}  // namespace simpul::gen
