// Errors of the C++ API. Bad input is reported, never answered wrongly.
#pragma once

#include <stdexcept>
#include <string>

namespace vbignum {

// Invalid argument: even or zero modulus, operand not below the modulus,
// unsupported size, inconsistent RSA key, malformed encoding.
class error : public std::invalid_argument {
 public:
  explicit error(const std::string &what) : std::invalid_argument("vbignum: " + what) {}
};

// A computation failed its own consistency check (e.g. an RSA result that does not
// verify, as after a hardware fault). The result was discarded.
class fault_error : public std::runtime_error {
 public:
  explicit fault_error(const std::string &what) : std::runtime_error("vbignum: " + what) {}
};

}  // namespace vbignum
