// Dear ImGui configuration of the native frame tests: a failed IM_ASSERT throws,
// so doctest reports it as a failed test instead of aborting the run.
#pragma once
#include <stdexcept>
#define IM_ASSERT(_EXPR)                                                         \
    do {                                                                         \
        if (!(_EXPR)) throw std::logic_error("ImGui assertion failed: " #_EXPR); \
    } while (0)
