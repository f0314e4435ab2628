// vbignum C++ API (header-only, C++20) on top of the flat C API in vbignum.h:
//   vbignum/error.hpp   vbignum::error (bad input), vbignum::fault_error
//   vbignum/words.hpp   word_vector: little-endian words, wiped when freed
//   vbignum/bytes.hpp   big-endian byte import/export
//   vbignum/mont.hpp    montgomery: context for an odd modulus, mul/sqr/conversions
//   vbignum/modexp.hpp  constant-time fixed-window modular exponentiation
//   vbignum/rsa.hpp     rsa_private_key: CRT private operation with fault check
#pragma once

#include "vbignum.h"
#include "vbignum/bytes.hpp"
#include "vbignum/error.hpp"
#include "vbignum/modexp.hpp"
#include "vbignum/mont.hpp"
#include "vbignum/rsa.hpp"
#include "vbignum/words.hpp"
