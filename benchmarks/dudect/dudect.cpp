// Statistical timing-leak benchmark (dudect method), one line per function.
//
// For each function two experiments, each with its inputs prepared outside the
// timed region and copied into the same buffers (same addresses, warm cache):
//  1. fixed vs random: class 0 = all secret inputs zero, class 1 = random; the
//     class of each measurement is drawn at random (interleaved). Welch's t is
//     computed on all measurements and on measurements cropped at 100 percentiles
//     (dudect's cropping); the largest |t| is reported. |t| > 4.5: evidence of a
//     leak; > 10: a clear leak (dudect's thresholds).
//  2. density: secret inputs of bit density zero, sparse, random, dense or all-ones
//     drawn at random; reports the Pearson correlation r of time (cropped at the
//     95th percentile) with the fraction of one bits, and the median per density.
// This is a benchmark, not a test: the figures depend on the machine and its load.
//
// Usage: vbignum_dudect [--seconds S] [--filter SUBSTRING] [--batch B]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gmpxx.h>

#include "vbignum.h"
#include "vbignum.hpp"

namespace {

using u64 = uint64_t;
using Words = std::vector<u64>;

// ---------------------------------------------------------------------------
// Clock: the time-stamp counter on x86-64, the virtual counter on AArch64 (coarse:
// use --batch there), steady_clock elsewhere.
// ---------------------------------------------------------------------------
inline u64 ticks() {
#if defined(__x86_64__)
  unsigned lo, hi;
  __asm__ volatile("lfence\n\trdtsc\n\tlfence" : "=a"(lo), "=d"(hi)::"memory");
  return (u64(hi) << 32) | lo;
#elif defined(__aarch64__)
  u64 t;
  __asm__ volatile("isb\n\tmrs %0, cntvct_el0\n\tisb" : "=r"(t)::"memory");
  return t;
#else
  return std::chrono::steady_clock::now().time_since_epoch().count();
#endif
}

// ---------------------------------------------------------------------------
// Inputs of a given density.
// ---------------------------------------------------------------------------
enum Density { Zero, Sparse, Random, Dense, Ones, kDensities };
const char *kDensityName[] = {"zero", "sparse", "random", "dense", "ones"};

std::mt19937_64 gen(0xd0dec7);

u64 word(Density d) {
  auto sparse = [] {
    u64 w = 0;
    for (int i = 0, n = int(gen() % 3); i < n; ++i) w |= u64(1) << (gen() % 64);
    return w;
  };
  switch (d) {
    case Zero: return 0;
    case Sparse: return sparse();
    case Random: return gen();
    case Dense: return ~sparse();
    default: return ~u64(0);
  }
}
void fill(u64 *x, size_t n, Density d) {
  for (size_t i = 0; i < n; ++i) x[i] = word(d);
}

// A function under test: its buffers, how to fill its secret inputs for one
// measurement, and the call itself. fill() returns the fraction of one bits.
struct Target {
  std::string name;
  std::function<double(Density)> fill;
  std::function<void()> run;
};

// Secret inputs x (n words) that must stay below an odd modulus m (n words):
// m gets its top bit forced, x its top bit cleared, so x < m at every density.
void modulus(u64 *m, size_t n, Density d) {
  fill(m, n, d);
  m[0] |= 1;
  m[n - 1] |= u64(1) << 63;
}
void below_modulus(u64 *x, size_t n, Density d) {
  fill(x, n, d);
  x[n - 1] &= ~(u64(1) << 63);
}
// The secret input buffers of the target being filled: fill() names them by
// returning ones(them), and the measurement copies them from a prepared pool.
using Parts = std::vector<std::pair<const u64 *, size_t>>;
Parts inputs;

double ones(const Parts &parts) {
  inputs = parts;
  double bits = 0, total = 0;
  for (auto [p, n] : parts)
    for (size_t i = 0; i < n; ++i) bits += __builtin_popcountll(p[i]), total += 64;
  return total ? bits / total : 0;
}

// Positive control: a deliberately leaky early-exit comparison. The benchmark must
// report a large |t| for it, or the measurement cannot see leaks at all.
__attribute__((noinline)) u64 leaky_equal(const u64 *x, const u64 *y, size_t k) {
  for (size_t i = 0; i < k; ++i)
    if (x[i] != y[i]) return 0;
  return 1;
}

// Buffers live as long as the program: targets capture pointers to them.
std::vector<Words> arena;
u64 *buf(size_t n) { return arena.emplace_back(n + 1, 0).data(); }

std::vector<Target> targets() {
  std::vector<Target> t;
  auto product = [&](const char *name, size_t k, size_t tw, auto call) {
    u64 *z = buf(2 * k), *x = buf(k), *y = buf(k), *s = buf(tw);
    t.push_back({name, [=](Density d) { fill(x, k, d), fill(y, k, d); return ones({{x, k}, {y, k}}); },
                 [=] { call(z, x, y, s); }});
  };
  product("bignum_mul_4_8", 4, 0, [](u64 *z, u64 *x, u64 *y, u64 *) { bignum_mul_4_8(z, x, y); });
  product("bignum_sqr_4_8", 4, 0, [](u64 *z, u64 *x, u64 *, u64 *) { bignum_sqr_4_8(z, x); });
  product("bignum_mul_8_16", 8, 0, [](u64 *z, u64 *x, u64 *y, u64 *) { bignum_mul_8_16(z, x, y); });
  product("bignum_sqr_8_16", 8, 0, [](u64 *z, u64 *x, u64 *, u64 *) { bignum_sqr_8_16(z, x); });
  product("bignum_kmul_16_32", 16, 32, bignum_kmul_16_32);
  product("bignum_ksqr_16_32", 16, 24, [](u64 *z, u64 *x, u64 *, u64 *s) { bignum_ksqr_16_32(z, x, s); });
  product("bignum_kmul_24_48", 24, 72, bignum_kmul_24_48);
  product("bignum_ksqr_24_48", 24, 72, [](u64 *z, u64 *x, u64 *, u64 *s) { bignum_ksqr_24_48(z, x, s); });
  product("bignum_kmul_32_64", 32, 96, bignum_kmul_32_64);
  product("bignum_ksqr_32_64", 32, 72, [](u64 *z, u64 *x, u64 *, u64 *s) { bignum_ksqr_32_64(z, x, s); });

  for (size_t k : {16, 32}) {  // the RSA-2048 / 4096 half sizes
    const std::string K = "(k=" + std::to_string(k) + ")";
    u64 *z = buf(2 * k), *x = buf(2 * k), *y = buf(k), *m = buf(k), *s = buf(3 * k);
    auto xym = [=](Density d) {
      modulus(m, k, d), below_modulus(x, k, d), below_modulus(y, k, d);
      return ones({{x, k}, {y, k}, {m, k}});
    };
    t.push_back({"bignum_montmul" + K, xym, [=] { bignum_montmul(k, z, x, y, m); }});
    t.push_back({"bignum_montsqr" + K, xym, [=] { bignum_montsqr(k, z, x, m); }});
    t.push_back({"bignum_amontmul" + K, xym, [=] { bignum_amontmul(k, z, x, y, m); }});
    t.push_back({"bignum_amontsqr" + K, xym, [=] { bignum_amontsqr(k, z, x, m); }});
    t.push_back({"bignum_demont" + K, xym, [=] { bignum_demont(k, z, x, m); }});
    t.push_back({"bignum_modadd" + K, xym, [=] { bignum_modadd(k, z, x, y, m); }});
    t.push_back({"bignum_modsub" + K, xym, [=] { bignum_modsub(k, z, x, y, m); }});
    t.push_back({"bignum_montifier" + K, xym, [=] { bignum_montifier(k, z, m, s); }});
    t.push_back({"bignum_negmodinv" + K, xym, [=] { bignum_negmodinv(k, z, m); }});
    t.push_back({"bignum_montredc" + K, [=](Density d) {
                   modulus(m, k, d), fill(x, 2 * k, d);
                   x[2 * k - 1] &= ~(u64(1) << 63);  // x < 2^(64k) m
                   return ones({{x, 2 * k}, {m, k}});
                 },
                 [=] { bignum_montredc(k, z, 2 * k, x, m, k); }});
    t.push_back({"bignum_emontredc_8n" + K, [=](Density d) {
                   modulus(m, k, d), fill(z, 2 * k, d);
                   z[2 * k - 1] &= ~(u64(1) << 63);
                   y[0] = word_negmodinv(m[0]);
                   return ones({{z, 2 * k}, {m, k}, {y, 1}});
                 },
                 [=] { bignum_emontredc_8n(k, z, m, y[0]); }});
    t.push_back({"bignum_add" + K, xym, [=] { bignum_add(k, z, k, x, k, y); }});
    t.push_back({"bignum_sub" + K, xym, [=] { bignum_sub(k, z, k, x, k, y); }});
    t.push_back({"bignum_mul" + K, xym, [=] { bignum_mul(2 * k, z, k, x, k, y); }});
    t.push_back({"bignum_sqr" + K, xym, [=] { bignum_sqr(2 * k, z, k, x); }});
    t.push_back({"bignum_ge" + K, xym, [=] { z[0] = bignum_ge(k, x, k, y); }});
    t.push_back({"bignum_optsub" + K, [=](Density d) {
                   fill(x, k, d), fill(y, k, d), y[k] = word(d);
                   return ones({{x, k}, {y, k + 1}});
                 },
                 [=] { bignum_optsub(k, z, x, y[k], y); }});
    t.push_back({"bignum_mux" + K, [=](Density d) {
                   fill(x, k, d), fill(y, k, d), y[k] = word(d);
                   return ones({{x, k}, {y, k + 1}});
                 },
                 [=] { bignum_mux(y[k], k, z, x, y); }});
  }
  {
    u64 *a = buf(1), *r = buf(1);
    t.push_back({"word_negmodinv", [=](Density d) { a[0] = word(d) | 1; return ones({{a, 1}}); },
                 [=] { r[0] = word_negmodinv(a[0]); }});
  }
  for (size_t k : {16, 32}) {  // modexp: base, exponent, modulus all secret
    u64 *z = buf(k), *a = buf(k), *e = buf(k), *m = buf(k), *s = buf(3 * k);
    t.push_back({"bignum_modexp(k=" + std::to_string(k) + ")",
                 [=](Density d) {
                   modulus(m, k, d), fill(a, k, d), fill(e, k, d);
                   return ones({{a, k}, {e, k}, {m, k}});
                 },
                 [=] { bignum_modexp(k, z, a, e, m, s); }});
  }
  // Table lookups (32 rows, as a 5-bit window): contents and index secret.
  auto table = [&](const char *name, size_t width, auto call) {
    const size_t height = 32;
    u64 *z = buf(width), *tab = buf(height * width), *idx = buf(1);
    t.push_back({name,
                 [=](Density d) {
                   fill(tab, height * width, d);
                   idx[0] = word(d) % height;
                   return ones({{tab, height * width}, {idx, 1}});
                 },
                 [=] { call(z, tab, height, width, idx[0]); }});
  };
  table("bignum_copy_row_from_table(w=16)", 16, bignum_copy_row_from_table);
  table("bignum_copy_row_from_table_8n(w=16)", 16, bignum_copy_row_from_table_8n);
  table("bignum_copy_row_from_table_16", 16,
        [](u64 *z, const u64 *tab, u64 h, u64, u64 i) { bignum_copy_row_from_table_16(z, tab, h, i); });
  table("bignum_copy_row_from_table_32", 32,
        [](u64 *z, const u64 *tab, u64 h, u64, u64 i) { bignum_copy_row_from_table_32(z, tab, h, i); });
  {
    const size_t k = 32;
    u64 *x = buf(k), *y = buf(k), *r = buf(1);
    t.push_back({"CONTROL leaky early-exit compare",
                 [=](Density d) { fill(x, k, d), fill(y, k, d); return ones({{x, k}, {y, k}}); },
                 [=] { r[0] = leaky_equal(x, y, k); }});
  }
  return t;
}

// RSA-2048 private operation (CRT): the key is fixed and secret; what varies is
// the input an attacker would choose (a ciphertext): zero vs random, and density.
void add_rsa(std::vector<Target> &t) {
  static std::optional<vbignum::rsa_private_key> key;
  gmp_randclass rnd(gmp_randinit_default);
  rnd.seed(2048);
  auto prime = [&] {
    mpz_class p = rnd.get_z_bits(1024);
    mpz_setbit(p.get_mpz_t(), 1023), mpz_setbit(p.get_mpz_t(), 1022);
    mpz_nextprime(p.get_mpz_t(), p.get_mpz_t());
    return p;
  };
  mpz_class p = prime(), q = prime(), e = 65537, lam, d, qi;
  if (p < q) std::swap(p, q);
  mpz_lcm(lam.get_mpz_t(), mpz_class(p - 1).get_mpz_t(), mpz_class(q - 1).get_mpz_t());
  mpz_invert(d.get_mpz_t(), e.get_mpz_t(), lam.get_mpz_t());
  mpz_invert(qi.get_mpz_t(), q.get_mpz_t(), p.get_mpz_t());
  auto be = [](const mpz_class &v, size_t len) {
    std::vector<uint8_t> out(len);
    size_t n = 0;
    mpz_export(out.data() + len - mpz_sizeinbase(v.get_mpz_t(), 256), &n, 1, 1, 0, 0, v.get_mpz_t());
    return out;
  };
  mpz_class n = p * q;
  key.emplace(vbignum::rsa_private_key::from_crt(
      be(n, 256), be(e, 3), be(d, 256), be(p, 128), be(q, 128), be(mpz_class(d % (p - 1)), 128),
      be(mpz_class(d % (q - 1)), 128), be(qi, 128)));
  auto in = std::make_shared<Words>(32), nwords = std::make_shared<Words>(32);
  mpz_export(nwords->data(), nullptr, -1, 8, 0, 0, n.get_mpz_t());
  t.push_back({"rsa_private_key::private_op(2048)",
               [=](Density d) {
                 fill(in->data(), 32, d);
                 (*in)[31] &= (*nwords)[31] >> 1;  // below n at every density
                 return ones({{in->data(), 32}});
               },
               [=] {
                 uint8_t bytes[256];
                 for (int i = 0; i < 256; ++i) bytes[255 - i] = uint8_t((*in)[i / 8] >> (8 * (i % 8)));
                 auto out = key->private_op(bytes);
                 __asm__ volatile("" ::"r"(out.data()) : "memory");
               }});
}

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------
struct Welch {  // online means and variances (Welford) of two classes
  double n[2] = {0, 0}, mean[2] = {0, 0}, m2[2] = {0, 0};
  void add(int c, double x) {
    n[c] += 1;
    double delta = x - mean[c];
    mean[c] += delta / n[c];
    m2[c] += delta * (x - mean[c]);
  }
  double t() const {
    if (n[0] < 2 || n[1] < 2) return 0;
    double v0 = m2[0] / (n[0] - 1), v1 = m2[1] / (n[1] - 1);
    double se = std::sqrt(v0 / n[0] + v1 / n[1]);
    return se > 0 ? (mean[0] - mean[1]) / se : 0;
  }
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  size_t i = std::min(v.size() - 1, size_t(p * double(v.size())));
  std::nth_element(v.begin(), v.begin() + i, v.end());
  return v[i];
}

struct Result {
  size_t measurements;
  double median[2], max_t, crop;
  double r;
  double density_median[kDensities];
};

// One experiment: n measurements, each of the input class cls_of() picks. Inputs
// are prepared a chunk at a time into a pool, then copied into the target's
// buffers right before each timed call by the same code for every class, so the
// preparation (which differs by class) cannot leave a class-dependent trace in
// branch predictors or caches.
template <class Pick>
void experiment(Target &target, size_t n, int batch, Pick pick, std::vector<int> &cls,
                std::vector<double> &dens, std::vector<double> &time) {
  const size_t chunk = 256;
  cls.assign(n, 0), dens.assign(n, 0), time.assign(n, 0);
  std::vector<u64> pool;
  for (size_t base = 0; base < n; base += chunk) {
    const size_t c = std::min(chunk, n - base);
    pool.clear();
    for (size_t j = 0; j < c; ++j) {
      auto [klass, density] = pick();
      cls[base + j] = klass;
      dens[base + j] = target.fill(density);
      for (auto [p, w] : inputs) pool.insert(pool.end(), p, p + w);
    }
    const Parts parts = inputs;
    const u64 *from = pool.data();
    for (size_t j = 0; j < c; ++j) {
      for (auto [p, w] : parts) std::memcpy(const_cast<u64 *>(p), from, 8 * w), from += w;
      u64 a = ticks();
      for (int b = 0; b < batch; ++b) target.run();
      time[base + j] = double(ticks() - a);
    }
  }
}

Result measure(Target &target, double seconds, int batch) {
  Result res{};
  // Warm up, and find how many measurements fit the time budget.
  auto t0 = std::chrono::steady_clock::now();
  int warm = 0;
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 0.05 ||
         warm < 10) {
    target.fill(Random);
    target.run();
    ++warm;
  }
  double per_call = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / warm;
  // Filling inputs costs time too: budget about three times the call itself.
  size_t n = std::clamp(size_t(seconds / 2 / (3 * per_call * batch)), size_t(200), size_t(200000));
  res.measurements = n;
  std::vector<int> cls;
  std::vector<double> dens, time;

  // 1. fixed (zero) vs random, interleaved at random.
  experiment(target, n, batch, [] {
    int c = int(gen() & 1);
    return std::pair{c, c ? Random : Zero};
  }, cls, dens, time);
  std::vector<double> by[2];
  for (size_t i = 0; i < n; ++i) by[cls[i]].push_back(time[i]);
  for (int c = 0; c < 2; ++c) res.median[c] = percentile(by[c], 0.5);
  Welch all;
  for (size_t i = 0; i < n; ++i) all.add(cls[i], time[i]);
  res.max_t = all.t();
  res.crop = 1;
  for (int j = 0; j < 100; ++j) {  // dudect's cropping percentiles
    double p = 1 - std::pow(0.5, 10.0 * (j + 1) / 100), limit = percentile(time, p);
    Welch w;
    for (size_t i = 0; i < n; ++i)
      if (time[i] < limit) w.add(cls[i], time[i]);
    if (std::fabs(w.t()) > std::fabs(res.max_t)) res.max_t = w.t(), res.crop = p;
  }

  // 2. density: time against the fraction of one bits.
  experiment(target, n, batch, [] {
    int d = int(gen() % kDensities);
    return std::pair{d, Density(d)};
  }, cls, dens, time);
  double limit = percentile(time, 0.95);
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, m = 0;
  std::vector<double> per[kDensities];
  for (size_t i = 0; i < n; ++i) {
    per[cls[i]].push_back(time[i]);
    if (time[i] >= limit) continue;
    sx += dens[i], sy += time[i], sxx += dens[i] * dens[i], syy += time[i] * time[i];
    sxy += dens[i] * time[i], m += 1;
  }
  double cov = sxy - sx * sy / m, vx = sxx - sx * sx / m, vy = syy - sy * sy / m;
  res.r = vx > 0 && vy > 0 ? cov / std::sqrt(vx * vy) : 0;
  for (int d = 0; d < kDensities; ++d) res.density_median[d] = percentile(per[d], 0.5);
  return res;
}

}  // namespace

int main(int argc, char **argv) {
  double seconds = 2;
  int batch = 1;
  std::string filter;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    else if (a == "--filter" && i + 1 < argc) filter = argv[++i];
    else if (a == "--batch" && i + 1 < argc) batch = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: %s [--seconds S per function] [--filter SUBSTRING] [--batch B]\n", argv[0]);
      return 2;
    }
  }
  std::vector<Target> all = targets();
  add_rsa(all);
  std::printf("# dudect: %s clock, %d call(s) per measurement, ~%.1f s per function\n",
#if defined(__x86_64__)
              "rdtsc",
#elif defined(__aarch64__)
              "cntvct_el0",
#else
              "steady_clock",
#endif
              batch, seconds);
  std::printf("# |t| > 4.5: evidence of a timing difference; > 10: clear leak\n");
  std::printf("%-36s %8s %11s %11s %8s %6s %7s  %s\n", "function", "n", "med(zero)", "med(rand)",
              "max|t|", "crop", "r(dens)", "medians zero/sparse/random/dense/ones");
  int leaks = 0;
  for (auto &target : all) {
    if (!filter.empty() && target.name.find(filter) == std::string::npos) continue;
    Result r = measure(target, seconds, batch);
    const char *verdict = std::fabs(r.max_t) > 10 ? "  LEAK?" : std::fabs(r.max_t) > 4.5 ? "  (t>4.5)" : "";
    leaks += std::fabs(r.max_t) > 10;
    std::printf("%-36s %8zu %11.0f %11.0f %8.2f %6.3f %7.3f  %.0f/%.0f/%.0f/%.0f/%.0f%s\n",
                target.name.c_str(), r.measurements, r.median[0], r.median[1], std::fabs(r.max_t),
                r.crop, r.r, r.density_median[0], r.density_median[1], r.density_median[2],
                r.density_median[3], r.density_median[4], verdict);
    std::fflush(stdout);
  }
  std::printf("# %d function(s) with |t| > 10\n", leaks);
  return 0;
}
