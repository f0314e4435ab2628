// RSA private-key operation: x^d mod n by CRT with Garner recombination, every
// step constant time in the secret values, and checked against the public key
// before anything is returned (a fault never yields a wrong signature).
//
// Key loading validates every component (p*q = n, d, dp, dq, qinv consistent with
// e) or recovers p and q from (n, e, d). Loading uses detail::vt, which is
// variable time: it runs once per key, never per operation.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "../vbignum.h"
#include "bytes.hpp"
#include "error.hpp"
#include "keymath.hpp"
#include "modexp.hpp"
#include "mont.hpp"
#include "words.hpp"

namespace vbignum {

class rsa_private_key {
 public:
  // Key from all its components, big-endian. Throws vbignum::error if they are
  // inconsistent or of unsupported size.
  static rsa_private_key from_crt(bytes_view n, bytes_view e, bytes_view d, bytes_view p,
                                  bytes_view q, bytes_view dp, bytes_view dq, bytes_view qinv) {
    using namespace detail::vt;
    return rsa_private_key(trimmed(from_bytes(n)), trimmed(from_bytes(e)), trimmed(from_bytes(d)),
                           trimmed(from_bytes(p)), trimmed(from_bytes(q)), trimmed(from_bytes(dp)),
                           trimmed(from_bytes(dq)), trimmed(from_bytes(qinv)));
  }

  // Key from (n, e, d) alone: factors n with the randomised algorithm that splits
  // n given a multiple of lambda(n) (here e*d - 1 = 2^s * t, t odd: a random g
  // gives g^(2^i t) = 1 with a nontrivial square root of 1 with probability >= 1/2,
  // and gcd(root - 1, n) is a prime factor). Variable time; runs once per key.
  static rsa_private_key from_exponents(bytes_view n_be, bytes_view e_be, bytes_view d_be) {
    using namespace detail::vt;
    nat n = trimmed(from_bytes(n_be)), e = trimmed(from_bytes(e_be)), d = trimmed(from_bytes(d_be));
    check_public(n, e);
    if (is_zero(d) || cmp(d, n) >= 0) throw error("RSA key: d must satisfy 0 < d < n");
    auto [p, q] = factor(n, e, d);
    if (cmp(p, q) < 0) p.swap(q);
    const nat one = from_u64(1), two = from_u64(2);
    nat dp = mod(d, sub(p, one)), dq = mod(d, sub(q, one));
    nat qinv = trimmed(modexp(montgomery(p), q, sub(p, two)));  // q^(p-2) = 1/q mod prime p
    return rsa_private_key(std::move(n), std::move(e), std::move(d), std::move(p), std::move(q),
                           std::move(dp), std::move(dq), std::move(qinv));
  }

  std::size_t modulus_bytes() const { return (detail::vt::bit_length(n_) + 7) / 8; }
  std::size_t modulus_bits() const { return detail::vt::bit_length(n_); }

  // input^d mod n, big-endian in modulus_bytes() bytes. input (big-endian, any
  // length) must be below n. Throws vbignum::fault_error if the result fails the
  // check result^e mod n == input.
  std::vector<std::uint8_t> private_op(bytes_view input) const {
    const std::size_t kn = n_ctx_.size(), kp = p_ctx_.size(), kq = q_ctx_.size();
    word_vector c = from_bytes(input, std::max(kn, words_for_bytes(input.size())));
    if (significant_words(words_view(c).subspan(kn)) != 0 || bignum_ge(kn, c.data(), kn, n_.data()))
      throw error("RSA input is not below the modulus");
    c.resize(kn);

    // m1 = c^dp mod p, m2 = c^dq mod q.
    word_vector m1 = half_power(p_ctx_, c, dp_exp_), m2 = half_power(q_ctx_, c, dq_exp_);

    // h = qinv * (m1 - m2) mod p; qinv is kept as qinv*R so one montmul gives it.
    word_vector m2p = p_ctx_.reduce(m2), h(kp);
    bignum_modsub(kp, m1.data(), m1.data(), m2p.data(), p_.data());
    p_ctx_.mul_raw(h.data(), m1.data(), qinv_mont_.data());
    p_ctx_.normalize(h.data());  // m1 < p, so h < 2p before this

    // m = m2 + h*q < n.
    word_vector m(kn);
    bignum_mul(kn, m.data(), kp, h.data(), kq, q_.data());
    bignum_add(kn, m.data(), kn, m.data(), kq, m2.data());

    if (!public_op_matches(m, c)) {
      secure_wipe(m.data(), m.size() * sizeof(std::uint64_t));
      throw fault_error("RSA private operation failed its check (result^e != input); result discarded");
    }
    return to_bytes(m, modulus_bytes());
  }

  // Components, big-endian, minimal length (p > q for recovered keys). All but n
  // and e are secret and come back in plain vectors: wipe them after use.
  std::vector<std::uint8_t> n() const { return export_nat(n_); }
  std::vector<std::uint8_t> e() const { return export_nat(e_); }
  std::vector<std::uint8_t> d() const { return export_nat(d_); }
  std::vector<std::uint8_t> p() const { return export_nat(p_); }
  std::vector<std::uint8_t> q() const { return export_nat(q_); }
  std::vector<std::uint8_t> dp() const { return export_nat(dp_); }
  std::vector<std::uint8_t> dq() const { return export_nat(dq_); }
  std::vector<std::uint8_t> qinv() const { return export_nat(qinv_); }

 private:
  using nat = detail::vt::nat;

  rsa_private_key(nat n, nat e, nat d, nat p, nat q, nat dp, nat dq, nat qinv)
      : n_(validated(n, e, d, p, q, dp, dq, qinv)), e_(std::move(e)), d_(std::move(d)),
        p_(std::move(p)), q_(std::move(q)), dp_(std::move(dp)), dq_(std::move(dq)),
        qinv_(std::move(qinv)), n_ctx_(n_), p_ctx_(p_), q_ctx_(q_),
        qinv_mont_(p_ctx_.to_mont(qinv_)), dp_exp_(padded(dp_, p_ctx_.size())),
        dq_exp_(padded(dq_, q_ctx_.size())) {}

  // The CRT exponents padded to their prime's size: the exponentiation then scans
  // a public number of bits.
  static word_vector padded(const nat &x, std::size_t k) {
    word_vector z(k, 0);
    std::copy(x.begin(), x.end(), z.begin());
    return z;
  }

  static void check_public(const nat &n, const nat &e) {
    using namespace detail::vt;
    if (is_zero(n) || !is_odd(n) || cmp(n, from_u64(3)) < 0) throw error("RSA key: n must be odd and > 1");
    if (n.size() > max_words)
      throw error("RSA key: unsupported modulus size (" + std::to_string(bit_length(n)) + " bits)");
    if (!is_odd(e) || cmp(e, from_u64(3)) < 0 || cmp(e, n) >= 0)
      throw error("RSA key: e must be odd with 3 <= e < n");
  }

  // Checks every relation between the components; returns n.
  static nat validated(const nat &n, const nat &e, const nat &d, const nat &p, const nat &q,
                       const nat &dp, const nat &dq, const nat &qinv) {
    using namespace detail::vt;
    check_public(n, e);
    const nat one = from_u64(1), three = from_u64(3);
    if (is_zero(d) || cmp(d, n) >= 0) throw error("RSA key: d must satisfy 0 < d < n");
    if (!is_odd(p) || !is_odd(q) || cmp(p, three) < 0 || cmp(q, three) < 0)
      throw error("RSA key: p and q must be odd primes");
    if (cmp(p, q) == 0) throw error("RSA key: p == q");
    if (cmp(mul(p, q), n) != 0) throw error("RSA key: p * q != n");
    const nat p1 = sub(p, one), q1 = sub(q, one);
    if (cmp(mod(d, p1), dp) != 0) throw error("RSA key: dp != d mod (p-1)");
    if (cmp(mod(d, q1), dq) != 0) throw error("RSA key: dq != d mod (q-1)");
    if (cmp(mod(mul(e, dp), p1), one) != 0 || cmp(mod(mul(e, dq), q1), one) != 0)
      throw error("RSA key: d is not the inverse of e (e*d != 1 mod lcm(p-1, q-1))");
    if (cmp(qinv, p) >= 0 || cmp(mod(mul(qinv, q), p), one) != 0)
      throw error("RSA key: qinv * q != 1 mod p");
    return n;
  }

  // Splits n given e*d - 1, a multiple of lambda(n). Deterministic pseudo-random
  // bases: the result is verified by the caller, so they need not be secret.
  static std::pair<nat, nat> factor(const nat &n, const nat &e, const nat &d) {
    using namespace detail::vt;
    const nat one = from_u64(1), n1 = sub(n, one);
    const nat ed1 = sub(mul(e, d), one);
    if (is_zero(ed1) || is_odd(ed1)) throw error("RSA key: d is not the inverse of e (e*d - 1 is odd)");
    const std::size_t s = trailing_zeros(ed1);
    const nat t = shr(ed1, s);
    const montgomery ctx(n);
    std::mt19937_64 gen(0x7e5a'c0de);
    for (int attempt = 0; attempt < 100; ++attempt) {
      nat g(n.size());
      for (auto &w : g) w = gen();
      g = mod(trimmed(g), n);
      if (cmp(g, from_u64(2)) < 0) continue;
      if (nat f = gcd(g, n); cmp(f, one) != 0) return split(n, f);  // lucky: g shares a factor
      nat x = trimmed(modexp(ctx, g, t));
      for (std::size_t i = 0; i < s && cmp(x, one) != 0 && cmp(x, n1) != 0; ++i) {
        nat y = trimmed(ctx.modsqr(x));
        if (cmp(y, one) == 0) return split(n, gcd(sub(x, one), n));  // x: nontrivial sqrt of 1
        x = std::move(y);
      }
      if (cmp(x, one) != 0 && cmp(x, n1) != 0)  // x^2 != 1 after s squarings: g^(ed-1) != 1
        throw error("RSA key: d is not the inverse of e (g^(e*d-1) != 1 mod n)");
    }
    throw error("RSA key: could not factor n from (e, d)");
  }

  static std::pair<nat, nat> split(const nat &n, const nat &f) {
    auto [q, r] = detail::vt::divmod(n, f);
    if (!detail::vt::is_zero(r)) throw error("RSA key: internal error while factoring n");
    return {f, q};
  }

  // c^dh mod ph, for c below n: c is reduced mod ph in constant time, straight into
  // Montgomery form.
  static word_vector half_power(const montgomery &ctx, const word_vector &c, words_view dh) {
    word_vector base = ctx.reduce_to_mont(c), z(ctx.size());
    detail::pow_mont(ctx, z.data(), base.data(), dh);
    bignum_demont(ctx.size(), z.data(), z.data(), ctx.modulus().data());
    return z;
  }

  // m^e mod n == c? e is public, so plain square-and-multiply over its bits.
  bool public_op_matches(const word_vector &m, const word_vector &c) const {
    const std::size_t kn = n_ctx_.size();
    word_vector base = n_ctx_.to_mont(m), acc = base, tmp(kn);
    for (std::size_t i = detail::vt::bit_length(e_) - 1; i-- > 0;) {
      n_ctx_.sqr_raw(tmp.data(), acc.data());
      acc.swap(tmp);
      if (detail::vt::bit(e_, i)) {
        n_ctx_.mul_raw(tmp.data(), acc.data(), base.data());
        acc.swap(tmp);
      }
    }
    bignum_demont(kn, acc.data(), acc.data(), n_.data());
    std::uint64_t diff = 0;
    for (std::size_t i = 0; i < kn; ++i) diff |= acc[i] ^ c[i];
    return diff == 0;
  }

  static std::vector<std::uint8_t> export_nat(const nat &x) {
    std::size_t bytes = (detail::vt::bit_length(x) + 7) / 8;
    return to_bytes(x, bytes);
  }

  nat n_, e_, d_, p_, q_, dp_, dq_, qinv_;
  montgomery n_ctx_, p_ctx_, q_ctx_;
  word_vector qinv_mont_, dp_exp_, dq_exp_;
};

}  // namespace vbignum
