// Shared by the harnesses: fuzz_check() stops the run with a message when an
// invariant breaks (a bug the sanitizers cannot see), so libFuzzer keeps the input.
#pragma once

#include <cstdio>
#include <cstdlib>

#define fuzz_check(cond, what)                                                                     \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "fuzz invariant broken (%s:%d): %s\n", __FILE__, __LINE__, what); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)
