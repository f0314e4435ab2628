// N1 performance driver: runs ONE operation N times between two marker functions,
// so that n1model (qemu + llvm-mca) prices exactly those calls; or, on real
// AArch64 hardware, times them (--time).
//
//   usage: n1_driver OP IMPL N [--time]
//     OP   = emontredc_8n_<k> (k = 8, 16, 24, 32, 64 words), copy_row_16, copy_row_32,
//            copy_row_8n_24, copy_row_17, ge_32, optsub_32, mux_32,
//            modexp_<1024|1536|2048>, rsa_<2048|3072|4096>
//     IMPL = vbignum | openssl (modexp, rsa), or for emontredc_8n also
//            vbignum-scalar | vbignum-neon (forces that code path; default: the
//            library's own choice by MIDR_EL1).
//   Every operation's result is checked outside the region (vbignum against
//   OpenSSL / GMP-free arithmetic identities) before the timed calls.
//
// tools/n1bench.sh builds this and runs the model; see that script.
#include <openssl/bn.h>
#include <openssl/rsa.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "rsa_keys.h"
#include "vbignum.h"
#include "vbignum.hpp"

// Set by bignum_emontredc_8n.S on first use (1 scalar, 2 NEON offload); absent
// on other backends.
extern "C" int vbignum_arm_emontredc_mode __attribute__((weak));

// The region-of-interest markers n1model keys on; noinline and non-empty so each
// keeps its own entry block.
extern "C" __attribute__((noinline)) void n1_roi_begin(void) { __asm__ volatile("" ::: "memory"); }
extern "C" __attribute__((noinline)) void n1_roi_end(void) { __asm__ volatile("" ::: "memory"); }

namespace {

using Words = std::vector<uint64_t>;

[[noreturn]] void die(const std::string &msg) {
  std::fprintf(stderr, "n1_driver: %s\n", msg.c_str());
  std::exit(2);
}

uint64_t rng_state = 0x9e3779b97f4a7c15u;
uint64_t rnd() {  // xorshift64: arbitrary dense operands
  rng_state ^= rng_state << 13, rng_state ^= rng_state >> 7, rng_state ^= rng_state << 17;
  return rng_state;
}
Words random_words(size_t k) {
  Words x(k);
  for (auto &w : x) w = rnd();
  return x;
}

// Big-endian hex -> BIGNUM / little-endian words.
BIGNUM *bn_hex(const char *hex) {
  BIGNUM *b = nullptr;
  if (!BN_hex2bn(&b, hex)) die("bad hex");
  return b;
}
Words bn_words(const BIGNUM *b, size_t k) {
  std::vector<unsigned char> le(8 * k);
  if (BN_bn2lebinpad(b, le.data(), (int)le.size()) < 0) die("number too long");
  Words w(k);
  std::memcpy(w.data(), le.data(), le.size());  // AArch64 and x86 are little-endian
  return w;
}
std::vector<uint8_t> bn_bytes(const BIGNUM *b, size_t len) {
  std::vector<uint8_t> be(len);
  if (BN_bn2binpad(b, be.data(), (int)len) < 0) die("number too long");
  return be;
}
std::vector<uint8_t> hex_bytes(const char *hex) {
  BIGNUM *b = bn_hex(hex);
  auto v = bn_bytes(b, BN_num_bytes(b));
  BN_free(b);
  return v;
}

// One prepared operation: run() is what the region measures.
struct Op {
  virtual ~Op() = default;
  virtual void run() = 0;
  virtual uint64_t digest() = 0;  // keeps results live, printed at the end
};

struct Emontredc : Op {
  size_t k;
  Words m, z0, z;
  uint64_t w, c = 0;
  explicit Emontredc(size_t k_) : k(k_), m(random_words(k_)), z0(random_words(2 * k_)), z(z0) {
    m[0] |= 1;
    m[k - 1] |= 1ull << 63;
    w = word_negmodinv(m[0]);
    // Check z0 + q*m == 2^(64k) * r with OpenSSL's BIGNUMs.
    c = bignum_emontredc_8n(k, z.data(), m.data(), w);
    if (!check()) die("emontredc_8n gave a wrong result");
  }
  BIGNUM *bn(const uint64_t *x, size_t n) {
    return BN_lebin2bn(reinterpret_cast<const unsigned char *>(x), (int)(8 * n), nullptr);
  }
  bool check() {
    BN_CTX *ctx = BN_CTX_new();
    BIGNUM *Z0 = bn(z0.data(), 2 * k), *Q = bn(z.data(), k), *M = bn(m.data(), k),
           *R = bn(z.data() + k, k), *L = BN_new();
    if (c) BN_set_bit(R, (int)(64 * k));
    BN_mul(L, Q, M, ctx);
    BN_add(L, L, Z0);
    BN_lshift(R, R, (int)(64 * k));
    bool ok = BN_cmp(L, R) == 0;
    BN_free(Z0), BN_free(Q), BN_free(M), BN_free(R), BN_free(L), BN_CTX_free(ctx);
    return ok;
  }
  void run() override {
    // The input is the previous output: a fresh 2k-word value every call.
    c ^= bignum_emontredc_8n(k, z.data(), m.data(), w);
  }
  uint64_t digest() override { return z[0] ^ z[2 * k - 1] ^ c; }
};

struct Lookup : Op {
  std::string kind;
  size_t height = 32, width;
  Words table, z;
  uint64_t idx = 0;
  Lookup(std::string kind_, size_t width_)
      : kind(std::move(kind_)), width(width_), table(random_words(32 * width_)), z(width_) {
    for (uint64_t i = 0; i < height; ++i) {
      idx = i;
      run();
      if (std::memcmp(z.data(), &table[i * width], 8 * width)) die(kind + " gave a wrong row");
    }
  }
  void run() override {
    if (kind == "copy_row_16")
      bignum_copy_row_from_table_16(z.data(), table.data(), height, idx);
    else if (kind == "copy_row_32")
      bignum_copy_row_from_table_32(z.data(), table.data(), height, idx);
    else if (kind == "copy_row_8n_24")
      bignum_copy_row_from_table_8n(z.data(), table.data(), height, width, idx);
    else
      bignum_copy_row_from_table(z.data(), table.data(), height, width, idx);
    idx = (idx + 7) % height;
  }
  uint64_t digest() override { return z[0]; }
};

struct Small : Op {  // ge, optsub, mux on 32 words
  std::string kind;
  Words x = random_words(32), y = random_words(32), z = Words(32);
  uint64_t acc = 0;
  explicit Small(std::string k) : kind(std::move(k)) {}
  void run() override {
    if (kind == "ge_32")
      acc += bignum_ge(32, x.data(), 32, y.data());
    else if (kind == "optsub_32")
      acc += bignum_optsub(32, z.data(), x.data(), acc & 1, y.data());
    else
      bignum_mux(acc++ & 1, 32, z.data(), x.data(), y.data());
  }
  uint64_t digest() override { return acc ^ z[0]; }
};

// base^e mod m, m odd of the given size, e as long as m.
struct Modexp : Op {
  bool openssl;
  size_t k;
  BIGNUM *bm, *bb, *be, *br;
  BN_CTX *ctx;
  BN_MONT_CTX *mont;
  Words m, b, e;
  vbignum::word_vector r;
  std::unique_ptr<vbignum::montgomery> vctx;
  Modexp(bool openssl_, int bits) : openssl(openssl_), k(bits / 64) {
    m = random_words(k), b = random_words(k), e = random_words(k);
    m[0] |= 1, m[k - 1] |= 1ull << 63, b[k - 1] >>= 1;  // b < m
    auto to_bn = [](const Words &x) {
      return BN_lebin2bn(reinterpret_cast<const unsigned char *>(x.data()), (int)(8 * x.size()),
                         nullptr);
    };
    bm = to_bn(m), bb = to_bn(b), be = to_bn(e), br = BN_new();
    ctx = BN_CTX_new();
    mont = BN_MONT_CTX_new();
    BN_MONT_CTX_set(mont, bm, ctx);
    vctx = std::make_unique<vbignum::montgomery>(vbignum::words_view(m));
    // Both must agree before anything is measured.
    bool o = openssl;
    openssl = true, run();
    openssl = false, run();
    openssl = o;
    if (bn_words(br, k) != Words(r.begin(), r.end())) die("modexp: vbignum and OpenSSL differ");
  }
  void run() override {
    if (openssl)
      BN_mod_exp_mont_consttime(br, bb, be, bm, ctx, mont);
    else
      r = vbignum::modexp(*vctx, vbignum::words_view(b), vbignum::words_view(e));
  }
  uint64_t digest() override { return openssl ? BN_get_word(br) : r[0]; }
};

// The RSA private operation (CRT) on a random input below n.
struct Rsa : Op {
  bool openssl;
  RSA *rsa;
  std::vector<uint8_t> in, out;
  std::unique_ptr<vbignum::rsa_private_key> key;
  Rsa(bool openssl_, int bits) : openssl(openssl_) {
    const n1_rsa_key *kk = nullptr;
    for (const auto &x : n1_rsa_keys)
      if (x.bits == bits) kk = &x;
    if (!kk) die("no key of that size");
    rsa = RSA_new();
    RSA_set0_key(rsa, bn_hex(kk->n), bn_hex(kk->e), bn_hex(kk->d));
    RSA_set0_factors(rsa, bn_hex(kk->p), bn_hex(kk->q));
    RSA_set0_crt_params(rsa, bn_hex(kk->dp), bn_hex(kk->dq), bn_hex(kk->qinv));
    key = std::make_unique<vbignum::rsa_private_key>(vbignum::rsa_private_key::from_crt(
        hex_bytes(kk->n), hex_bytes(kk->e), hex_bytes(kk->d), hex_bytes(kk->p), hex_bytes(kk->q),
        hex_bytes(kk->dp), hex_bytes(kk->dq), hex_bytes(kk->qinv)));
    size_t len = bits / 8;
    in.resize(len);
    for (auto &byte : in) byte = (uint8_t)rnd();
    in[0] &= 0x3f;  // below n (n's top bit is set)
    out.resize(len);
    std::vector<uint8_t> o1(len);
    if (RSA_private_encrypt((int)len, in.data(), o1.data(), rsa, RSA_NO_PADDING) != (int)len)
      die("OpenSSL RSA private op failed");
    if (key->private_op(in) != o1) die("rsa: vbignum and OpenSSL differ");
  }
  void run() override {
    if (openssl)
      RSA_private_encrypt((int)in.size(), in.data(), out.data(), rsa, RSA_NO_PADDING);
    else
      out = key->private_op(in);
  }
  uint64_t digest() override { return out.empty() ? 0 : out.back(); }
};

std::unique_ptr<Op> make(const std::string &op, const std::string &impl) {
  bool openssl = impl == "openssl";
  if (op.rfind("emontredc_8n_", 0) == 0) {
    size_t k = std::strtoul(op.c_str() + 13, nullptr, 10);
    if (k == 0 || k % 8 || k > 512) die("emontredc_8n_<k>: k a multiple of 8");
    if (impl == "vbignum-scalar" || impl == "vbignum-neon") {
      if (!&vbignum_arm_emontredc_mode) die("this library has no arm emontredc variants");
      vbignum_arm_emontredc_mode = impl == "vbignum-scalar" ? 1 : 2;
    } else if (impl != "vbignum") {
      die("emontredc_8n: IMPL is vbignum, vbignum-scalar or vbignum-neon");
    }
    return std::make_unique<Emontredc>(k);
  }
  if (openssl && op.rfind("modexp_", 0) && op.rfind("rsa_", 0)) die(op + " has no OpenSSL version");
  if (!openssl && impl != "vbignum") die("IMPL is vbignum or openssl");
  if (op == "copy_row_16") return std::make_unique<Lookup>(op, 16);
  if (op == "copy_row_32") return std::make_unique<Lookup>(op, 32);
  if (op == "copy_row_8n_24") return std::make_unique<Lookup>(op, 24);
  if (op == "copy_row_17") return std::make_unique<Lookup>(op, 17);
  if (op == "ge_32" || op == "optsub_32" || op == "mux_32") return std::make_unique<Small>(op);
  if (op == "modexp_1024" || op == "modexp_1536" || op == "modexp_2048")
    return std::make_unique<Modexp>(openssl, std::atoi(op.c_str() + 7));
  if (op == "rsa_2048" || op == "rsa_3072" || op == "rsa_4096")
    return std::make_unique<Rsa>(openssl, std::atoi(op.c_str() + 4));
  die("unknown operation " + op);
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 4 || argc > 5 || (argc == 5 && std::strcmp(argv[4], "--time"))) {
    std::fprintf(stderr, "usage: %s OP IMPL N [--time]\n", argv[0]);
    return 2;
  }
  const bool timed = argc == 5;
  const long n = std::atol(argv[3]);
  auto op = make(argv[1], argv[2]);
  if (timed) {
    for (long i = 0; i < n / 10 + 1; ++i) op->run();  // warm up caches and predictors
  }
  auto t0 = std::chrono::steady_clock::now();
  n1_roi_begin();
  for (long i = 0; i < n; ++i) op->run();
  n1_roi_end();
  auto t1 = std::chrono::steady_clock::now();
  double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / (n ? n : 1);
  std::printf("%s %s x %ld: digest %016llx", argv[1], argv[2], n,
              (unsigned long long)op->digest());
  if (&vbignum_arm_emontredc_mode) std::printf(", emontredc mode %d", vbignum_arm_emontredc_mode);
  if (timed) std::printf(", %.1f ns/op, %.1f ops/s", ns, 1e9 / ns);
  std::printf("\n");
  return 0;
}
