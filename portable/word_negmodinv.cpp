// Returns w with a * w == -1 (mod 2^64). Precondition: a odd.
// Newton iteration (see negmodinv_word): no division, no branch.
#include "mont_internal.hpp"

using namespace vbignum::portable;

extern "C" uint64_t word_negmodinv(uint64_t a) { return negmodinv_word(a); }
