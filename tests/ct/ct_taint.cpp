// Dynamic constant-time check, by taint: run under valgrind memcheck (tools/ct.sh).
//
// Every secret input (operand values, moduli, exponents, table contents, table
// index, selector flags) is marked "undefined" with VALGRIND_MAKE_MEM_UNDEFINED
// before the call; sizes, table geometry and pointers stay defined. Memcheck then
// reports any branch ("Conditional jump or move depends on uninitialised
// value(s)") or memory address ("Use of uninitialised value of size N") that
// depends on a secret. Outputs are marked defined again afterwards and compared
// with GMP, so each call is known to have done real work on valid inputs.
//
//   ct_taint                 every function of vbignum.h (+ C++ modexp and RSA)
//   ct_taint --leaky-branch  negative control: a branch on a secret bit
//   ct_taint --leaky-index   negative control: a table read at a secret index
// The program itself exits 0 unless a result is wrong; run it as
// `valgrind --error-exitcode=N ct_taint` to turn taint reports into a failure.
#include <valgrind/memcheck.h>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "support/ref.hpp"
#include "vbignum.h"
#include "vbignum.hpp"

using vbtest::from_mpz;
using vbtest::to_mpz;
using vbtest::Words;

// x86 backend only (weak: absent elsewhere). Valgrind's virtual CPU does not report
// BMI2/ADX, though it runs MULX/ADCX/ADOX: tools/ct.sh and the ctest entry set
// VBIGNUM_X86_FORCE_ASM=1 when the real CPU has them, so the assembly is checked.
extern "C" int vbignum_x86_mulx_active(void) __attribute__((weak));
extern "C" uint64_t ct_leaky_branch(uint64_t secret);
extern "C" uint64_t ct_leaky_index(const uint64_t *table, uint64_t secret);

namespace {

vbtest::Rng rng(0xc7'7a1e7ull);
int failures = 0;

// Memcheck's view of secrecy. Not a real memory change: without valgrind they do nothing.
template <class T> void secret(T *p, size_t n) { VALGRIND_MAKE_MEM_UNDEFINED(p, n * sizeof(T)); }
template <class T> void publish(T *p, size_t n) { VALGRIND_MAKE_MEM_DEFINED(p, n * sizeof(T)); }
void secret(Words &x) { secret(x.data(), x.size()); }
void publish(Words &x) { publish(x.data(), x.size()); }
uint64_t hide(uint64_t v) { secret(&v, 1); return v; }
uint64_t reveal(uint64_t v) { publish(&v, 1); return v; }

void expect(bool ok, const std::string &what) {
  if (!ok) {
    ++failures;
    std::fprintf(stderr, "ct_taint: WRONG RESULT: %s\n", what.c_str());
  }
}
std::string at(const char *fn, size_t k) { return std::string(fn) + " k=" + std::to_string(k); }

mpz_class R(size_t k) { return vbtest::pow2(64 * k); }
Words mpz_words(const mpz_class &v, size_t k) { return from_mpz(v, k); }
mpz_class inv(const mpz_class &a, const mpz_class &m) {
  mpz_class r;
  mpz_invert(r.get_mpz_t(), a.get_mpz_t(), m.get_mpz_t());
  return r;
}

const std::vector<size_t> kSizes = {1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 24, 32, 48, 64};

// ---------------------------------------------------------------------------
// Fixed-size products: z = x * y or x^2, t scratch.
// ---------------------------------------------------------------------------
void fixed_products() {
  auto mul = [](const char *name, size_t k, size_t tw, auto call) {
    Words x = rng.words(k), y = rng.words(k), z(2 * k), t(tw + 1);
    mpz_class want = to_mpz(x) * to_mpz(y);
    secret(x), secret(y), secret(t);
    call(z.data(), x.data(), y.data(), t.data());
    publish(z), publish(x), publish(y), publish(t);
    expect(to_mpz(z) == want, at(name, k));
  };
  auto sqr = [](const char *name, size_t k, size_t tw, auto call) {
    Words x = rng.words(k), z(2 * k), t(tw + 1);
    mpz_class want = to_mpz(x) * to_mpz(x);
    secret(x), secret(t);
    call(z.data(), x.data(), t.data());
    publish(z), publish(x), publish(t);
    expect(to_mpz(z) == want, at(name, k));
  };
  using u = uint64_t;
  mul("bignum_mul_4_8", 4, 0, [](u *z, u *x, u *y, u *) { bignum_mul_4_8(z, x, y); });
  mul("bignum_mul_8_16", 8, 0, [](u *z, u *x, u *y, u *) { bignum_mul_8_16(z, x, y); });
  sqr("bignum_sqr_4_8", 4, 0, [](u *z, u *x, u *) { bignum_sqr_4_8(z, x); });
  sqr("bignum_sqr_8_16", 8, 0, [](u *z, u *x, u *) { bignum_sqr_8_16(z, x); });
  mul("bignum_kmul_16_32", 16, VBIGNUM_KMUL_16_32_TEMP_WORDS, bignum_kmul_16_32);
  mul("bignum_kmul_24_48", 24, VBIGNUM_KMUL_24_48_TEMP_WORDS, bignum_kmul_24_48);
  mul("bignum_kmul_32_64", 32, VBIGNUM_KMUL_32_64_TEMP_WORDS, bignum_kmul_32_64);
  sqr("bignum_ksqr_16_32", 16, VBIGNUM_KSQR_16_32_TEMP_WORDS, bignum_ksqr_16_32);
  sqr("bignum_ksqr_24_48", 24, VBIGNUM_KSQR_24_48_TEMP_WORDS, bignum_ksqr_24_48);
  sqr("bignum_ksqr_32_64", 32, VBIGNUM_KSQR_32_64_TEMP_WORDS, bignum_ksqr_32_64);
}

// ---------------------------------------------------------------------------
// Montgomery family. The modulus is secret too (an RSA prime).
// ---------------------------------------------------------------------------
void montgomery(size_t k) {
  Words m = rng.odd_modulus(k);
  mpz_class M = to_mpz(m), Rk = R(k);
  {
    uint64_t a = m[0], w = reveal(word_negmodinv(hide(a)));
    expect(a * w == ~uint64_t{0}, at("word_negmodinv", k));
  }
  {
    Words x = m, z(k);
    secret(x);
    bignum_negmodinv(k, z.data(), x.data());
    publish(z), publish(x);
    expect((to_mpz(z) * M + 1) % Rk == 0, at("bignum_negmodinv", k));
  }
  if (k % 8 == 0) {  // z0 < R * m, so r < 2m
    Words z = mpz_words(to_mpz(rng.words(2 * k)) % (Rk * M), 2 * k), mm = m;
    mpz_class z0 = to_mpz(z);
    uint64_t w = word_negmodinv(m[0]);
    secret(z), secret(mm);
    uint64_t c = reveal(bignum_emontredc_8n(k, z.data(), mm.data(), hide(w)));
    publish(z), publish(mm);
    mpz_class q = to_mpz(z.data(), k), r = to_mpz(z.data() + k, k) + mpz_class(c) * Rk;
    expect(z0 + q * M == Rk * r, at("bignum_emontredc_8n", k));
  }
  {  // x has n = 2k + 1 words; the low p + k = 2k are used; x' <= 2^(64p) m
    const size_t p = k, n = 2 * k + 1;
    Words x = mpz_words(to_mpz(rng.words(2 * k)) % (R(p) * M), n), mm = m, z(k);
    x[n - 1] = rng.word();  // beyond p + k: ignored
    mpz_class xl = to_mpz(x.data(), p + k);
    secret(x), secret(mm);
    bignum_montredc(k, z.data(), n, x.data(), mm.data(), p);
    publish(z), publish(x), publish(mm);
    expect(to_mpz(z) < M && (to_mpz(z) * R(p) - xl) % M == 0, at("bignum_montredc", k));
  }
  auto mont2 = [&](const char *name, bool reduced, bool square, auto call) {
    Words x = reduced ? rng.below(m) : rng.words(k), y = reduced ? rng.below(m) : rng.words(k);
    if (square) y = x;
    Words mm = m, z(k);
    mpz_class X = to_mpz(x), Y = to_mpz(y);
    secret(x), secret(y), secret(mm);
    call(z.data(), x.data(), y.data(), mm.data());
    publish(z), publish(x), publish(y), publish(mm);
    mpz_class Z = to_mpz(z);
    expect((!reduced || Z < M) && (Z * Rk - X * Y) % M == 0, at(name, k));
  };
  mont2("bignum_montmul", true, false, [&](auto z, auto x, auto y, auto mm) { bignum_montmul(k, z, x, y, mm); });
  mont2("bignum_amontmul", false, false, [&](auto z, auto x, auto y, auto mm) { bignum_amontmul(k, z, x, y, mm); });
  mont2("bignum_montsqr", true, true,
        [&](auto z, auto x, auto, auto mm) { bignum_montsqr(k, z, x, mm); });
  mont2("bignum_amontsqr", false, true,
        [&](auto z, auto x, auto, auto mm) { bignum_amontsqr(k, z, x, mm); });
  {
    Words x = rng.words(k), mm = m, z(k);
    mpz_class X = to_mpz(x);
    secret(x), secret(mm);
    bignum_demont(k, z.data(), x.data(), mm.data());
    publish(z), publish(x), publish(mm);
    expect(to_mpz(z) < M && (to_mpz(z) * Rk - X) % M == 0, at("bignum_demont", k));
  }
  {
    Words mm = m, z(k), t(VBIGNUM_MONTIFIER_TEMP_WORDS(k));
    secret(mm), secret(t);
    bignum_montifier(k, z.data(), mm.data(), t.data());
    publish(z), publish(mm), publish(t);
    expect(to_mpz(z) == (Rk * Rk) % M, at("bignum_montifier", k));
  }
  {
    Words x = rng.below(m), y = rng.below(m), mm = m, z(k), zs(k);
    mpz_class X = to_mpz(x), Y = to_mpz(y);
    secret(x), secret(y), secret(mm);
    bignum_modadd(k, z.data(), x.data(), y.data(), mm.data());
    bignum_modsub(k, zs.data(), x.data(), y.data(), mm.data());
    publish(z), publish(zs), publish(x), publish(y), publish(mm);
    expect(to_mpz(z) == (X + Y) % M, at("bignum_modadd", k));
    mpz_class d = (X - Y) % M;
    if (d < 0) d += M;
    expect(to_mpz(zs) == d, at("bignum_modsub", k));
  }
  {
    Words a = rng.words(k), e = rng.words(k), mm = m, z(k), t(VBIGNUM_MODEXP_TEMP_WORDS(k));
    mpz_class want;
    mpz_powm(want.get_mpz_t(), to_mpz(a).get_mpz_t(), to_mpz(e).get_mpz_t(), M.get_mpz_t());
    secret(a), secret(e), secret(mm), secret(t);
    bignum_modexp(k, z.data(), a.data(), e.data(), mm.data(), t.data());
    publish(z), publish(a), publish(e), publish(mm), publish(t);
    expect(to_mpz(z) == want, at("bignum_modexp", k));
  }
}

// ---------------------------------------------------------------------------
// Generic arithmetic.
// ---------------------------------------------------------------------------
void generic(size_t k) {
  const size_t shapes[][3] = {{k, k, k}, {k + 1, k, k - 1}};  // p, m, n
  for (auto [p, m, n] : shapes) {
    Words x = rng.words(m), y = rng.words(n), z(p), zs(p);
    mpz_class X = to_mpz(x), Y = to_mpz(y), P = R(p);
    secret(x), secret(y);
    uint64_t c = reveal(bignum_add(p, z.data(), m, x.data(), n, y.data()));
    uint64_t b = reveal(bignum_sub(p, zs.data(), m, x.data(), n, y.data()));
    publish(z), publish(zs), publish(x), publish(y);
    expect(to_mpz(z) == (X + Y) % P && c == (X + Y >= P), at("bignum_add", k));
    mpz_class d = X - Y;
    expect(to_mpz(zs) == (d < 0 ? d + P : d) && b == (X < Y), at("bignum_sub", k));
  }
  for (size_t zk : {k, 2 * k}) {
    Words x = rng.words(k), y = rng.words(k), z(zk), zs(zk);
    mpz_class X = to_mpz(x), Y = to_mpz(y);
    secret(x), secret(y);
    bignum_mul(zk, z.data(), k, x.data(), k, y.data());
    bignum_sqr(zk, zs.data(), k, x.data());
    publish(z), publish(zs), publish(x), publish(y);
    expect(to_mpz(z) == X * Y % R(zk), at("bignum_mul", k));
    expect(to_mpz(zs) == X * X % R(zk), at("bignum_sqr", k));
  }
  for (size_t n : {k, k - 1}) {
    Words x = rng.words(k), y = rng.words(n);
    if (n == k && k > 1) y[k - 1] = x[k - 1];  // equal top words: the answer is further down
    bool want = to_mpz(x) >= to_mpz(y);
    secret(x), secret(y);
    uint64_t got = reveal(bignum_ge(k, x.data(), n, y.data()));
    publish(x), publish(y);
    expect(got == want, at("bignum_ge", k));
  }
  for (uint64_t flag : {0, 1}) {
    Words x = rng.words(k), y = rng.words(k), z(k), zm(k);
    mpz_class X = to_mpz(x), Y = to_mpz(y);
    secret(x), secret(y);
    uint64_t b = reveal(bignum_optsub(k, z.data(), x.data(), hide(flag * 0x40), y.data()));
    bignum_mux(hide(flag << 63), k, zm.data(), x.data(), y.data());
    publish(z), publish(zm), publish(x), publish(y);
    mpz_class d = X - Y;
    mpz_class want = flag ? (d < 0 ? d + R(k) : d) : X;
    expect(to_mpz(z) == want && b == (flag && X < Y), at("bignum_optsub", k));
    expect(zm == (flag ? x : y), at("bignum_mux", k));
  }
}

// ---------------------------------------------------------------------------
// Table lookups: contents and index secret, geometry public.
// ---------------------------------------------------------------------------
void table(const char *name, size_t height, size_t width,
           const std::function<void(uint64_t *, const uint64_t *, uint64_t)> &call) {
  Words t = rng.words(height * width), z(width);
  uint64_t idx = rng.below(height);
  Words want(t.begin() + idx * width, t.begin() + (idx + 1) * width);
  secret(t);
  call(z.data(), t.data(), hide(idx));
  publish(z), publish(t);
  expect(z == want, at(name, width) + " height=" + std::to_string(height));
}

void tables() {
  for (size_t h : {1, 5, 32})
    for (size_t w : {1, 3, 8, 16}) {
      table("bignum_copy_row_from_table", h, w, [&](auto z, auto t, auto i) {
        bignum_copy_row_from_table(z, t, h, w, i);
      });
      if (w % 8 == 0)
        table("bignum_copy_row_from_table_8n", h, w, [&](auto z, auto t, auto i) {
          bignum_copy_row_from_table_8n(z, t, h, w, i);
        });
    }
  for (size_t h : {1, 5, 32}) {
    table("bignum_copy_row_from_table_16", h, 16,
          [&](auto z, auto t, auto i) { bignum_copy_row_from_table_16(z, t, h, i); });
    table("bignum_copy_row_from_table_32", h, 32,
          [&](auto z, auto t, auto i) { bignum_copy_row_from_table_32(z, t, h, i); });
  }
}

// ---------------------------------------------------------------------------
// C++ API: modexp with a secret modulus, and the RSA private operation. Setting
// up a context or a key (validation, trimming) is not constant time and is not
// claimed to be: errors are not reported while it runs, only in the operation.
// ---------------------------------------------------------------------------
void cxx_modexp(size_t k) {
  Words m = rng.odd_modulus(k, vbtest::Density::TopBit), a = rng.below(m), e = rng.words(k);
  mpz_class want;
  mpz_powm(want.get_mpz_t(), to_mpz(a).get_mpz_t(), to_mpz(e).get_mpz_t(), to_mpz(m).get_mpz_t());
  secret(m), secret(a), secret(e);
  VALGRIND_DISABLE_ERROR_REPORTING;
  const vbignum::montgomery ctx(m);
  VALGRIND_ENABLE_ERROR_REPORTING;
  vbignum::word_vector z = vbignum::modexp(ctx, a, e);
  publish(z.data(), z.size());
  expect(to_mpz(z.data(), z.size()) == want, at("vbignum::modexp", k));
}

std::vector<uint8_t> be_bytes(const mpz_class &v, size_t len) {
  std::vector<uint8_t> out(len);
  size_t count = 0;
  mpz_export(out.data() + len - (mpz_sizeinbase(v.get_mpz_t(), 256)), &count, 1, 1, 0, 0,
             v.get_mpz_t());
  return out;
}

void cxx_rsa(unsigned bits) {
  gmp_randclass gen(gmp_randinit_default);
  gen.seed(bits);
  auto prime = [&] {
    mpz_class p = gen.get_z_bits(bits / 2);
    mpz_setbit(p.get_mpz_t(), bits / 2 - 1), mpz_setbit(p.get_mpz_t(), bits / 2 - 2);
    mpz_nextprime(p.get_mpz_t(), p.get_mpz_t());
    return p;
  };
  mpz_class p = prime(), q = prime(), e = 65537;
  if (p < q) std::swap(p, q);
  mpz_class n = p * q, lam;
  mpz_lcm(lam.get_mpz_t(), mpz_class(p - 1).get_mpz_t(), mpz_class(q - 1).get_mpz_t());
  mpz_class d = inv(e, lam), dp = d % (p - 1), dq = d % (q - 1), qi = inv(q, p);
  const size_t nb = bits / 8, hb = bits / 16;
  auto nn = be_bytes(n, nb), ee = be_bytes(e, 3), dd = be_bytes(d, nb), pp = be_bytes(p, hb),
       qq = be_bytes(q, hb), ddp = be_bytes(dp, hb), ddq = be_bytes(dq, hb), qqi = be_bytes(qi, hb);
  for (auto *v : {&dd, &pp, &qq, &ddp, &ddq, &qqi}) secret(v->data(), v->size());
  VALGRIND_DISABLE_ERROR_REPORTING;
  auto key = vbignum::rsa_private_key::from_crt(nn, ee, dd, pp, qq, ddp, ddq, qqi);
  VALGRIND_ENABLE_ERROR_REPORTING;
  mpz_class c = to_mpz(rng.words(bits / 64)) % n, want;
  mpz_powm(want.get_mpz_t(), c.get_mpz_t(), d.get_mpz_t(), n.get_mpz_t());
  auto out = key.private_op(be_bytes(c, nb));  // the input is public (ciphertext)
  publish(out.data(), out.size());
  expect(out == be_bytes(want, nb), "rsa_private_key::private_op bits=" + std::to_string(bits));
}

}  // namespace

int main(int argc, char **argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "--leaky-branch" || mode == "--leaky-index") {
    // Negative controls: memcheck must report these (tools/ct.sh checks it does).
    Words t = rng.words(16);
    uint64_t s = hide(rng.word());
    uint64_t r = mode == "--leaky-branch" ? ct_leaky_branch(s) : ct_leaky_index(t.data(), s);
    r = reveal(r);
    std::printf("ct_taint %s: %llu\n", mode.c_str(), (unsigned long long)(r & 1));
    return 0;
  }
  if (!mode.empty()) {
    std::fprintf(stderr, "usage: ct_taint [--leaky-branch | --leaky-index]\n");
    return 2;
  }
  if (vbignum_x86_mulx_active)  // say which code ran: the MULX/ADX kernels or fallbacks
    std::printf("ct_taint: x86 MULX/ADX assembly %s\n",
                vbignum_x86_mulx_active() ? "in use" : "NOT in use (portable fallbacks)");
  fixed_products();
  for (size_t k : kSizes) {
    montgomery(k);
    generic(k);
  }
  tables();
  for (size_t k : {1, 4, 16}) cxx_modexp(k);
  cxx_rsa(2048);
  std::printf("ct_taint: %s\n", failures ? "WRONG RESULTS (see above)" : "all results correct");
  return failures ? 1 : 0;
}
