// Every validation path of the C++ API: bad input throws vbignum::error (a
// std::invalid_argument) with a message saying what is wrong, never a wrong answer.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "support/ref.hpp"
#include "vbignum.hpp"

using vbtest::from_mpz;
using vbtest::to_mpz;
using vbtest::Words;
using Bytes = std::vector<uint8_t>;

namespace {

// Runs f, requires a vbignum::error whose message contains `needle`.
void expect_error(const std::function<void()> &f, const std::string &needle) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected one mentioning \"" << needle << "\"";
  } catch (const vbignum::error &e) {
    const std::invalid_argument &base = e;  // the documented base class
    EXPECT_NE(std::string(base.what()).find(needle), std::string::npos)
        << "message \"" << e.what() << "\" lacks \"" << needle << "\"";
  } catch (const std::exception &e) {
    ADD_FAILURE() << "wrong exception type: " << e.what();
  }
}

Bytes be(const mpz_class &v) {
  Bytes out((mpz_sizeinbase(v.get_mpz_t(), 2) + 7) / 8);
  size_t n = 0;
  if (v != 0) mpz_export(out.data(), &n, 1, 1, 1, 0, v.get_mpz_t());
  return out;
}

struct Key {
  mpz_class n, e, d, p, q, dp, dq, qinv;
};

// A valid RSA key from GMP, deterministic (seeded primes), p > q.
Key make_key(size_t prime_bits, uint64_t seed) {
  gmp_randclass r(gmp_randinit_default);
  r.seed(seed);
  Key k;
  k.e = 65537;
  for (;;) {
    mpz_class a = r.get_z_bits(prime_bits) | (mpz_class(1) << (prime_bits - 1)), b = r.get_z_bits(prime_bits) | (mpz_class(1) << (prime_bits - 1));
    mpz_nextprime(k.p.get_mpz_t(), a.get_mpz_t());
    mpz_nextprime(k.q.get_mpz_t(), b.get_mpz_t());
    if (k.p == k.q) continue;
    if (k.p < k.q) std::swap(k.p, k.q);
    mpz_class lambda;
    mpz_class p1 = k.p - 1, q1 = k.q - 1;
    mpz_lcm(lambda.get_mpz_t(), p1.get_mpz_t(), q1.get_mpz_t());
    if (mpz_invert(k.d.get_mpz_t(), k.e.get_mpz_t(), lambda.get_mpz_t()) == 0) continue;
    break;
  }
  k.n = k.p * k.q;
  k.dp = k.d % (k.p - 1);
  k.dq = k.d % (k.q - 1);
  mpz_invert(k.qinv.get_mpz_t(), k.q.get_mpz_t(), k.p.get_mpz_t());
  return k;
}

vbignum::rsa_private_key load(const Key &k) {
  return vbignum::rsa_private_key::from_crt(be(k.n), be(k.e), be(k.d), be(k.p), be(k.q), be(k.dp),
                                            be(k.dq), be(k.qinv));
}

TEST(BadInput, ErrorTypes) {
  static_assert(std::is_base_of_v<std::invalid_argument, vbignum::error>);
  static_assert(std::is_base_of_v<std::runtime_error, vbignum::fault_error>);
  EXPECT_NE(std::string(vbignum::error("x").what()).find("vbignum"), std::string::npos);
}

TEST(BadInput, Modulus) {
  expect_error([] { vbignum::montgomery(Words{}); }, "zero");
  expect_error([] { vbignum::montgomery(Words{0, 0, 0}); }, "zero");
  expect_error([] { vbignum::montgomery(Words{2}); }, "even");
  expect_error([] { vbignum::montgomery(Words{0, 1}); }, "even");
  expect_error([] { vbignum::montgomery(Words(vbignum::max_words + 1, 1)); }, "unsupported modulus size");
  EXPECT_NO_THROW(vbignum::montgomery(Words(vbignum::max_words, 1)));
  expect_error([] { vbignum::modexp(Words{4}, Words{1}, Words{1}); }, "even");
}

TEST(BadInput, OperandNotBelowModulus) {
  vbtest::Rng rng;
  for (size_t k : {1, 3, 16, 24, 32}) {
    Words m = rng.odd_modulus(k);
    vbignum::montgomery ctx(m);
    Words ok = rng.below(m), equal = m, above = from_mpz(to_mpz(m) + 1, k), longer = ok;
    longer.push_back(1);  // a nonzero word beyond k
    Words zero_padded = ok;
    zero_padded.push_back(0);  // leading zero words are fine
    EXPECT_NO_THROW(ctx.mul(zero_padded, ok));
    for (const Words &bad : {equal, above, longer}) {
      expect_error([&] { ctx.mul(bad, ok); }, "operand is not below the modulus");
      expect_error([&] { ctx.mul(ok, bad); }, "not below the modulus");
      expect_error([&] { ctx.sqr(bad); }, "not below the modulus");
      expect_error([&] { ctx.to_mont(bad); }, "not below the modulus");
      expect_error([&] { ctx.from_mont(bad); }, "not below the modulus");
      expect_error([&] { ctx.modmul(ok, bad); }, "not below the modulus");
      expect_error([&] { ctx.modsqr(bad); }, "not below the modulus");
      expect_error([&] { vbignum::modexp(ctx, bad, Words{3}); }, "not below the modulus");
      expect_error([&] { ctx.load(bad, "base"); }, "base is not below the modulus");
    }
    EXPECT_NO_THROW(ctx.reduce(longer));  // reduce takes any value
  }
}

TEST(BadInput, Bytes) {
  expect_error([] { vbignum::from_bytes(Bytes(9, 1), 1); }, "does not fit in 1 words");
  EXPECT_NO_THROW(vbignum::from_bytes(Bytes{0, 0, 0, 0, 0, 0, 0, 0, 0, 7}, 1));
  expect_error([] { vbignum::to_bytes(Words{0x100}, 1); }, "does not fit in 1 bytes");
  expect_error([] { vbignum::to_bytes(Words{1, 1}, 8); }, "does not fit in 8 bytes");
  EXPECT_EQ(vbignum::to_bytes(Words{0xff, 0}, 1), Bytes{0xff});
}

TEST(BadInput, RsaKeyComponents) {
  const Key good = make_key(256, 1);
  EXPECT_NO_THROW(load(good));
  auto with = [&](auto change) {
    Key k = good;
    change(k);
    return [k] { load(k); };
  };
  expect_error(with([](Key &k) { k.n += 1; }), "n must be odd");
  expect_error(with([](Key &k) { k.n = 1; }), "n must be odd and > 1");
  expect_error(with([](Key &k) { k.n += 2; }), "p * q != n");
  expect_error(with([](Key &k) { k.e = 65536; }), "e must be odd");
  expect_error(with([](Key &k) { k.e = 1; }), "3 <= e < n");
  expect_error(with([](Key &k) { k.e = k.n + 2; }), "3 <= e < n");
  expect_error(with([](Key &k) { k.d = 0; }), "0 < d < n");
  expect_error(with([](Key &k) { k.d = k.n; }), "0 < d < n");
  expect_error(with([](Key &k) { k.p += 1; }), "p and q must be odd");
  expect_error(with([](Key &k) { k.q = 1; }), "p and q must be odd");
  expect_error(with([](Key &k) { k.q = k.p; k.n = k.p * k.p; }), "p == q");
  expect_error(with([](Key &k) { k.p += 2; }), "p * q != n");
  expect_error(with([](Key &k) { k.dp += 1; }), "dp != d mod (p-1)");
  expect_error(with([](Key &k) { k.dq = k.d % (k.q - 1) + (k.q - 1); }), "dq != d mod (q-1)");
  expect_error(with([](Key &k) { k.qinv += 1; }), "qinv * q != 1 mod p");
  expect_error(with([](Key &k) { k.qinv += k.p; }), "qinv * q != 1 mod p");
  // d consistent with dp and dq but not an inverse of e.
  expect_error(with([](Key &k) {
                 k.d += 2;
                 k.dp = k.d % (k.p - 1);
                 k.dq = k.d % (k.q - 1);
               }),
               "d is not the inverse of e");
  // Unsupported size.
  expect_error(with([](Key &k) { k.n = (mpz_class(1) << (64 * vbignum::max_words + 1)) + 1; }),
               "unsupported modulus size");
}

TEST(BadInput, RsaKeyRecovery) {
  const Key good = make_key(256, 2);
  auto recover = [&](const mpz_class &n, const mpz_class &e, const mpz_class &d) {
    return [=] { vbignum::rsa_private_key::from_exponents(be(n), be(e), be(d)); };
  };
  EXPECT_NO_THROW(recover(good.n, good.e, good.d)());
  expect_error(recover(good.n, good.e, good.d + 1), "d is not the inverse of e");  // e*d-1 odd
  expect_error(recover(good.n, good.e, good.d + 2), "d is not the inverse of e");
  expect_error(recover(good.n + 2, good.e, good.d), "d is not the inverse of e");  // n != p*q
  expect_error(recover(good.n, good.e, mpz_class(0)), "0 < d < n");
  expect_error(recover(good.n - 1, good.e, good.d), "n must be odd");
  expect_error(recover(good.n, mpz_class(2), good.d), "e must be odd");
}

TEST(BadInput, RsaPrivateOpInput) {
  const Key k = make_key(256, 3);
  auto key = load(k);
  expect_error([&] { key.private_op(be(k.n)); }, "RSA input is not below the modulus");
  expect_error([&] { key.private_op(be(k.n + 5)); }, "not below the modulus");
  Bytes longer = be(k.n - 1);
  longer.insert(longer.begin(), 1);
  expect_error([&] { key.private_op(longer); }, "not below the modulus");
  Bytes zero_padded = be(k.n - 1);
  zero_padded.insert(zero_padded.begin(), 12, 0);
  EXPECT_NO_THROW(key.private_op(zero_padded));
  EXPECT_NO_THROW(key.private_op(Bytes{}));
}

}  // namespace
