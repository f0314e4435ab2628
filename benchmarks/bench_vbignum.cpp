// vbignum against OpenSSL and GMP. Benchmarks are named <what>/<impl>[/<bits>]:
//   <kernel>/vbignum[/<bits>]    every function of vbignum.h at its natural sizes
//                                (fixed-size products also as <kernel>/gmp, mpn)
//   modexp/<impl>/<bits>         constant-time a^e mod m, full-length e:
//                                vbignum::modexp, BN_mod_exp_mont_consttime (prepared
//                                BN_MONT_CTX), mpz_powm_sec
//   rsa_private/<impl>/<bits>    raw RSA private operation (CRT): vbignum's
//                                rsa_private_key::private_op (with its fault check),
//                                RSA_private_decrypt(RSA_NO_PADDING) (OpenSSL's default
//                                blinding and check), mpz_powm_sec CRT + Garner (no check)
// Keys and operands are generated at startup from fixed seeds (RSA keys by OpenSSL).
// All --benchmark_* flags work, e.g. --benchmark_filter='^rsa_private/'.
#include <benchmark/benchmark.h>
#include <gmp.h>
#include <openssl/bn.h>
#include <openssl/rsa.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "vbignum.hpp"

namespace {

using Words = std::vector<uint64_t>;
std::mt19937_64 rng(20261121);

Words random_words(size_t k) {
  Words x(k);
  for (auto &w : x) w = rng();
  return x;
}
Words odd_modulus(size_t k) {  // top bit and bottom bit set
  Words m = random_words(k);
  m[0] |= 1;
  m[k - 1] |= uint64_t{1} << 63;
  return m;
}
Words below(const Words &m) {  // top word one below m's: always smaller
  Words x = random_words(m.size());
  x[m.size() - 1] = m[m.size() - 1] >> 1;
  return x;
}

void add(const std::string &name, std::function<void(benchmark::State &)> fn) {
  benchmark::RegisterBenchmark(name.c_str(), [fn](benchmark::State &s) { fn(s); });
}
std::string bits_name(const std::string &what, const std::string &impl, size_t bits) {
  return what + "/" + impl + "/" + std::to_string(bits);
}

// ---- Kernels -------------------------------------------------------------------

template <size_t K, class F>
void product(const std::string &name, F kernel, size_t temp, bool square) {
  add(name + "/vbignum", [=](benchmark::State &s) {
    Words x = random_words(K), y = random_words(K), z(2 * K), t(temp + 1);
    for (auto _ : s) {
      if constexpr (std::is_invocable_v<F, uint64_t *, const uint64_t *, const uint64_t *, uint64_t *>)
        kernel(z.data(), x.data(), y.data(), t.data());
      else if constexpr (std::is_invocable_v<F, uint64_t *, const uint64_t *, uint64_t *>)
        kernel(z.data(), x.data(), t.data());
      else if constexpr (std::is_invocable_v<F, uint64_t *, const uint64_t *, const uint64_t *>)
        kernel(z.data(), x.data(), y.data());
      else
        kernel(z.data(), x.data());
      benchmark::DoNotOptimize(z.data());
      benchmark::ClobberMemory();
    }
  });
  add(name + "/gmp", [=](benchmark::State &s) {
    Words x = random_words(K), y = random_words(K), z(2 * K);
    auto *zp = reinterpret_cast<mp_limb_t *>(z.data());
    auto *xp = reinterpret_cast<const mp_limb_t *>(x.data());
    auto *yp = reinterpret_cast<const mp_limb_t *>(y.data());
    for (auto _ : s) {
      if (square)
        mpn_sqr(zp, xp, K);
      else
        mpn_mul_n(zp, xp, yp, K);
      benchmark::DoNotOptimize(z.data());
      benchmark::ClobberMemory();
    }
  });
}

void register_kernels() {
  static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "GMP limbs must be 64-bit");
  product<4>("mul_4_8", bignum_mul_4_8, 0, false);
  product<4>("sqr_4_8", bignum_sqr_4_8, 0, true);
  product<8>("mul_8_16", bignum_mul_8_16, 0, false);
  product<8>("sqr_8_16", bignum_sqr_8_16, 0, true);
  product<16>("kmul_16_32", bignum_kmul_16_32, VBIGNUM_KMUL_16_32_TEMP_WORDS, false);
  product<16>("ksqr_16_32", bignum_ksqr_16_32, VBIGNUM_KSQR_16_32_TEMP_WORDS, true);
  product<24>("kmul_24_48", bignum_kmul_24_48, VBIGNUM_KMUL_24_48_TEMP_WORDS, false);
  product<24>("ksqr_24_48", bignum_ksqr_24_48, VBIGNUM_KSQR_24_48_TEMP_WORDS, true);
  product<32>("kmul_32_64", bignum_kmul_32_64, VBIGNUM_KMUL_32_64_TEMP_WORDS, false);
  product<32>("ksqr_32_64", bignum_ksqr_32_64, VBIGNUM_KSQR_32_64_TEMP_WORDS, true);

  add("word_negmodinv/vbignum", [](benchmark::State &s) {
    uint64_t a = rng() | 1;
    for (auto _ : s) {
      benchmark::DoNotOptimize(a);
      benchmark::DoNotOptimize(word_negmodinv(a));
    }
  });

  // Size-generic functions at the RSA prime sizes; at 48 and 64 words (the 3072-
  // and 4096-bit modexp steps) only the Montgomery steps.
  for (size_t k : {16, 24, 32, 48, 64}) {
    const bool step_only = k > 32;
    const size_t bits = 64 * k;
    // Each body: (state, m, x, y, z, t) with x, y < m, z of 2k words, t of 3k.
    using Body = std::function<void(const Words &, const Words &, const Words &, Words &, Words &)>;
    auto kernel = [&](const std::string &what, Body body) {
      if (step_only && what != "emontredc_8n" && what != "amontmul" && what != "amontsqr") return;
      add(bits_name(what, "vbignum", bits), [=](benchmark::State &s) {
        Words m = odd_modulus(k), x = below(m), y = below(m), z(2 * k), t(3 * k + 8);
        for (auto _ : s) {
          body(m, x, y, z, t);
          benchmark::DoNotOptimize(z.data());
          benchmark::ClobberMemory();
        }
      });
    };
    kernel("negmodinv", [k](auto &m, auto &, auto &, auto &z, auto &) { bignum_negmodinv(k, z.data(), m.data()); });
    if (k % 8 == 0)
      kernel("emontredc_8n", [k](auto &m, auto &x, auto &, auto &z, auto &) {
        std::copy(x.begin(), x.end(), z.begin());  // reduce a fresh 2k-word value each time
        benchmark::DoNotOptimize(bignum_emontredc_8n(k, z.data(), m.data(), word_negmodinv(m[0])));
      });
    kernel("montredc", [k](auto &m, auto &x, auto &, auto &z, auto &t) {
      bignum_montredc(k, z.data(), k, x.data(), m.data(), k);
      benchmark::DoNotOptimize(t.data());
    });
    kernel("montmul", [k](auto &m, auto &x, auto &y, auto &z, auto &) { bignum_montmul(k, z.data(), x.data(), y.data(), m.data()); });
    kernel("montsqr", [k](auto &m, auto &x, auto &, auto &z, auto &) { bignum_montsqr(k, z.data(), x.data(), m.data()); });
    kernel("amontmul", [k](auto &m, auto &x, auto &y, auto &z, auto &) { bignum_amontmul(k, z.data(), x.data(), y.data(), m.data()); });
    kernel("amontsqr", [k](auto &m, auto &x, auto &, auto &z, auto &) { bignum_amontsqr(k, z.data(), x.data(), m.data()); });
    kernel("demont", [k](auto &m, auto &x, auto &, auto &z, auto &) { bignum_demont(k, z.data(), x.data(), m.data()); });
    kernel("montifier", [k](auto &m, auto &, auto &, auto &z, auto &t) { bignum_montifier(k, z.data(), m.data(), t.data()); });
    kernel("add", [k](auto &, auto &x, auto &y, auto &z, auto &) { bignum_add(k, z.data(), k, x.data(), k, y.data()); });
    kernel("sub", [k](auto &, auto &x, auto &y, auto &z, auto &) { bignum_sub(k, z.data(), k, x.data(), k, y.data()); });
    kernel("mul", [k](auto &, auto &x, auto &y, auto &z, auto &) { bignum_mul(2 * k, z.data(), k, x.data(), k, y.data()); });
    kernel("sqr", [k](auto &, auto &x, auto &, auto &z, auto &) { bignum_sqr(2 * k, z.data(), k, x.data()); });
    kernel("ge", [k](auto &, auto &x, auto &y, auto &z, auto &) { z[0] = bignum_ge(k, x.data(), k, y.data()); });
    kernel("optsub", [k](auto &, auto &x, auto &y, auto &z, auto &) { bignum_optsub(k, z.data(), x.data(), x[0] & 1, y.data()); });
    kernel("mux", [k](auto &, auto &x, auto &y, auto &z, auto &) { bignum_mux(x[0] & 1, k, z.data(), x.data(), y.data()); });
    kernel("modadd", [k](auto &m, auto &x, auto &y, auto &z, auto &) { bignum_modadd(k, z.data(), x.data(), y.data(), m.data()); });
    kernel("modsub", [k](auto &m, auto &x, auto &y, auto &z, auto &) { bignum_modsub(k, z.data(), x.data(), y.data(), m.data()); });
    kernel("modexp_kernel", [k](auto &m, auto &x, auto &y, auto &z, auto &t) { bignum_modexp(k, z.data(), x.data(), y.data(), m.data(), t.data()); });
  }

  // Table lookups: 32 rows (a 5-bit window) of the RSA prime and modexp widths.
  auto table = [](const std::string &name, size_t width, auto fetch) {
    add(name, [=](benchmark::State &s) {
      Words tab = random_words(32 * width), z(width);
      uint64_t idx = 0;
      for (auto _ : s) {
        fetch(z.data(), tab.data(), width, idx);
        idx = (idx + 7) % 32;
        benchmark::DoNotOptimize(z.data());
        benchmark::ClobberMemory();
      }
    });
  };
  table("copy_row_from_table_16/vbignum", 16,
        [](uint64_t *z, const uint64_t *t, size_t, uint64_t i) { bignum_copy_row_from_table_16(z, t, 32, i); });
  table("copy_row_from_table_32/vbignum", 32,
        [](uint64_t *z, const uint64_t *t, size_t, uint64_t i) { bignum_copy_row_from_table_32(z, t, 32, i); });
  table("copy_row_from_table_8n/vbignum/1536", 24,
        [](uint64_t *z, const uint64_t *t, size_t w, uint64_t i) { bignum_copy_row_from_table_8n(z, t, 32, w, i); });
  table("copy_row_from_table_8n/vbignum/3072", 48,
        [](uint64_t *z, const uint64_t *t, size_t w, uint64_t i) { bignum_copy_row_from_table_8n(z, t, 32, w, i); });
  table("copy_row_from_table_8n/vbignum/4096", 64,
        [](uint64_t *z, const uint64_t *t, size_t w, uint64_t i) { bignum_copy_row_from_table_8n(z, t, 32, w, i); });
  table("copy_row_from_table/vbignum/1536", 24,
        [](uint64_t *z, const uint64_t *t, size_t w, uint64_t i) { bignum_copy_row_from_table(z, t, 32, w, i); });
}

// ---- Modular exponentiation ----------------------------------------------------

void to_mpz(mpz_t r, const Words &x) { mpz_import(r, x.size(), -1, 8, 0, 0, x.data()); }
BIGNUM *to_bn(const Words &x) {
  return BN_lebin2bn(reinterpret_cast<const unsigned char *>(x.data()), int(8 * x.size()), nullptr);
}

void register_modexp() {
  for (size_t bits : {1024, 1536, 2048, 3072, 4096}) {
    const size_t k = bits / 64;
    Words m = odd_modulus(k), a = below(m), e = random_words(k);
    add(bits_name("modexp", "vbignum", bits), [=](benchmark::State &s) {
      vbignum::montgomery ctx(m);
      for (auto _ : s) benchmark::DoNotOptimize(vbignum::modexp(ctx, a, e).data());
    });
    add(bits_name("modexp", "openssl", bits), [=](benchmark::State &s) {
      BIGNUM *mb = to_bn(m), *ab = to_bn(a), *eb = to_bn(e), *r = BN_new();
      BN_CTX *bctx = BN_CTX_new();
      BN_MONT_CTX *mont = BN_MONT_CTX_new();
      BN_MONT_CTX_set(mont, mb, bctx);
      for (auto _ : s)
        if (!BN_mod_exp_mont_consttime(r, ab, eb, mb, bctx, mont)) s.SkipWithError("OpenSSL failed");
      BN_MONT_CTX_free(mont);
      BN_CTX_free(bctx);
      for (BIGNUM *b : {mb, ab, eb, r}) BN_free(b);
    });
    add(bits_name("modexp", "gmp", bits), [=](benchmark::State &s) {
      mpz_t mz, az, ez, r;
      mpz_inits(mz, az, ez, r, nullptr);
      to_mpz(mz, m), to_mpz(az, a), to_mpz(ez, e);
      for (auto _ : s) mpz_powm_sec(r, az, ez, mz);
      mpz_clears(mz, az, ez, r, nullptr);
    });
  }
}

// ---- RSA private operation -------------------------------------------------------

struct TestKey {
  RSA *rsa = nullptr;
  std::vector<std::vector<uint8_t>> parts;  // n, e, d, p, q, dp, dq, qinv, big-endian
  std::vector<uint8_t> input;               // a random number below n
};

// One OpenSSL-generated key per size, made on first use (outside any timing).
const TestKey &test_key(int bits) {
  static std::map<int, TestKey> keys;
  auto it = keys.find(bits);
  if (it != keys.end()) return it->second;
  TestKey key;
  key.rsa = RSA_new();
  BIGNUM *e = BN_new();
  BN_set_word(e, RSA_F4);
  if (!RSA_generate_key_ex(key.rsa, bits, e, nullptr)) throw std::runtime_error("RSA keygen failed");
  BN_free(e);
  const BIGNUM *n, *pe, *d, *p, *q, *dp, *dq, *qinv;
  RSA_get0_key(key.rsa, &n, &pe, &d);
  RSA_get0_factors(key.rsa, &p, &q);
  RSA_get0_crt_params(key.rsa, &dp, &dq, &qinv);
  for (const BIGNUM *b : {n, pe, d, p, q, dp, dq, qinv}) {
    std::vector<uint8_t> v(BN_num_bytes(b));
    BN_bn2bin(b, v.data());
    key.parts.push_back(v);
  }
  key.input.assign(key.parts[0].size(), 0);
  for (size_t i = 1; i < key.input.size(); ++i) key.input[i] = uint8_t(rng());  // top byte 0: < n
  return keys.emplace(bits, std::move(key)).first->second;
}

void register_rsa() {
  for (int bits : {2048, 3072, 4096}) {
    add(bits_name("rsa_private", "vbignum", bits), [bits](benchmark::State &s) {
      const TestKey &tk = test_key(bits);
      const auto &v = tk.parts;
      auto key = vbignum::rsa_private_key::from_crt(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
      for (auto _ : s) benchmark::DoNotOptimize(key.private_op(tk.input).data());
    });
    add(bits_name("rsa_private", "openssl", bits), [bits](benchmark::State &s) {
      const TestKey &tk = test_key(bits);
      std::vector<uint8_t> out(tk.input.size());
      for (auto _ : s)
        if (RSA_private_decrypt(int(tk.input.size()), tk.input.data(), out.data(), tk.rsa,
                                RSA_NO_PADDING) < 0)
          s.SkipWithError("OpenSSL failed");
    });
    add(bits_name("rsa_private", "gmp", bits), [bits](benchmark::State &s) {
      const TestKey &tk = test_key(bits);
      mpz_t z[8], c, m1, m2, h;
      for (int i = 0; i < 8; ++i) {
        mpz_init(z[i]);
        mpz_import(z[i], tk.parts[i].size(), 1, 1, 1, 0, tk.parts[i].data());
      }
      mpz_inits(c, m1, m2, h, nullptr);
      mpz_import(c, tk.input.size(), 1, 1, 1, 0, tk.input.data());
      mpz_t &p = z[3], &q = z[4], &dp = z[5], &dq = z[6], &qinv = z[7];
      for (auto _ : s) {  // m = m2 + q * (qinv * (m1 - m2) mod p)
        mpz_mod(h, c, p);
        mpz_powm_sec(m1, h, dp, p);
        mpz_mod(h, c, q);
        mpz_powm_sec(m2, h, dq, q);
        mpz_sub(h, m1, m2);
        mpz_mul(h, h, qinv);
        mpz_mod(h, h, p);
        mpz_mul(h, h, q);
        mpz_add(m1, h, m2);
        benchmark::DoNotOptimize(m1);
      }
      for (auto &x : z) mpz_clear(x);
      mpz_clears(c, m1, m2, h, nullptr);
    });
  }
}

}  // namespace

int main(int argc, char **argv) {
  register_kernels();
  register_modexp();
  register_rsa();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
