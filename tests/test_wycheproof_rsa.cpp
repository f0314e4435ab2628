// Wycheproof RSASSA-PKCS1-v1_5 signature generation (../shared/vectors/wycheproof):
// every "valid" and "acceptable" signature must be reproduced byte for byte by
// EMSA-PKCS1-v1_5 encoding + vbignum's RSA private operation. Keys come from the
// JWK's full CRT components where the group has them, else from (n, e, d) alone;
// key recovery from (n, e, d) is also checked against the JWK components.
// All cases run everywhere: even under qemu the 4096-bit file takes a few CPU seconds.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "vbignum.hpp"

namespace {

using Bytes = std::vector<uint8_t>;

// ---- A small JSON reader: just enough for the Wycheproof files. -------------
struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  std::string text;  // string value, or the number's or literal's spelling
  std::vector<Json> items;
  std::map<std::string, Json> fields;

  const Json &operator[](const std::string &key) const {
    auto it = fields.find(key);
    if (it == fields.end()) throw std::runtime_error("JSON: no field " + key);
    return it->second;
  }
  bool has(const std::string &key) const { return fields.count(key) != 0; }
};

class JsonParser {
 public:
  explicit JsonParser(std::string s) : s_(std::move(s)) {}
  Json parse() {
    Json v = value();
    skip_ws();
    if (i_ != s_.size()) fail("trailing data");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string &why) {
    throw std::runtime_error("JSON: " + why + " at offset " + std::to_string(i_));
  }
  void skip_ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  char peek() {
    skip_ws();
    if (i_ >= s_.size()) fail("unexpected end");
    return s_[i_];
  }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++i_;
  }
  std::string string_body() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) fail("bad escape");
        char e = s_[i_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': out += '?'; i_ += 4; break;  // not needed for these files' data
          default: out += e;
        }
      } else {
        out += c;
      }
    }
    expect('"');
    return out;
  }
  Json value() {
    Json v;
    char c = peek();
    if (c == '{') {
      v.kind = Json::Object;
      ++i_;
      if (peek() == '}') { ++i_; return v; }
      for (;;) {
        std::string key = string_body();
        expect(':');
        v.fields[key] = value();
        if (peek() == ',') { ++i_; continue; }
        expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.kind = Json::Array;
      ++i_;
      if (peek() == ']') { ++i_; return v; }
      for (;;) {
        v.items.push_back(value());
        if (peek() == ',') { ++i_; continue; }
        expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.kind = Json::String;
      v.text = string_body();
      return v;
    }
    size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' ||
                              s_[i_] == '+' || s_[i_] == '.'))
      ++i_;
    if (start == i_) fail("unexpected character");
    v.text = s_.substr(start, i_ - start);
    v.kind = v.text == "null" ? Json::Null : (v.text == "true" || v.text == "false") ? Json::Bool : Json::Number;
    return v;
  }
  std::string s_;
  size_t i_ = 0;
};

Json load_json(const std::string &file) {
  std::ifstream in(std::string(VBIGNUM_VECTORS_DIR) + "/wycheproof/" + file);
  if (!in) throw std::runtime_error("cannot open " + file);
  std::stringstream ss;
  ss << in.rdbuf();
  return JsonParser(ss.str()).parse();
}

// ---- Encodings. ---------------------------------------------------------------
Bytes hex(const std::string &h) {
  if (h.size() % 2) throw std::runtime_error("odd-length hex");
  Bytes out(h.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) out[i] = uint8_t(std::stoul(h.substr(2 * i, 2), nullptr, 16));
  return out;
}

Bytes base64url(const std::string &s) {
  Bytes out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : s) {
    int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
          : c >= '0' && c <= '9' ? c - '0' + 52 : c == '-' ? 62 : c == '_' ? 63 : -1;
    if (v < 0) continue;  // padding
    acc = (acc << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(uint8_t(acc >> bits));
    }
  }
  return out;
}

Bytes strip_zeros(Bytes b) {
  size_t i = 0;
  while (i < b.size() && b[i] == 0) ++i;
  return Bytes(b.begin() + long(i), b.end());
}

struct HashInfo {
  const EVP_MD *md;
  Bytes digest_info_prefix;  // DER of DigestInfo up to the digest (RFC 8017, 9.2 note 1)
};

HashInfo hash_info(const std::string &name) {
  auto sha2 = [](uint8_t len_all, uint8_t oid_last, uint8_t hlen) {
    return Bytes{0x30, len_all, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                 0x65, 0x03, 0x04, 0x02, oid_last, 0x05, 0x00, 0x04, hlen};
  };
  if (name == "SHA-1")
    return {EVP_sha1(), {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14}};
  if (name == "SHA-224") return {EVP_sha224(), sha2(0x2d, 0x04, 28)};
  if (name == "SHA-256") return {EVP_sha256(), sha2(0x31, 0x01, 32)};
  if (name == "SHA-384") return {EVP_sha384(), sha2(0x41, 0x02, 48)};
  if (name == "SHA-512") return {EVP_sha512(), sha2(0x51, 0x03, 64)};
  throw std::runtime_error("unknown hash " + name);
}

// EMSA-PKCS1-v1_5: 00 01 FF..FF 00 || DigestInfo || H(msg), em_len bytes.
Bytes emsa_pkcs1_v15(const std::string &sha, const Bytes &msg, size_t em_len) {
  HashInfo h = hash_info(sha);
  Bytes digest(EVP_MAX_MD_SIZE);
  unsigned dlen = 0;
  if (!EVP_Digest(msg.data(), msg.size(), digest.data(), &dlen, h.md, nullptr))
    throw std::runtime_error("EVP_Digest failed");
  digest.resize(dlen);
  Bytes t = h.digest_info_prefix;
  t.insert(t.end(), digest.begin(), digest.end());
  if (em_len < t.size() + 11) throw std::runtime_error("modulus too short");
  Bytes em(em_len, 0xff);
  em[0] = 0x00;
  em[1] = 0x01;
  em[em_len - t.size() - 1] = 0x00;
  std::copy(t.begin(), t.end(), em.end() - long(t.size()));
  return em;
}

// ---- The tests. ---------------------------------------------------------------
void run_file(int bits) {
  Json root = load_json("rsa_pkcs1_" + std::to_string(bits) + "_sig_gen_test.json");
  size_t signed_ok = 0, crt_keys = 0, recovered_keys = 0;
  for (const Json &group : root["testGroups"].items) {
    const Json &pk = group["privateKey"];
    const Bytes n = hex(pk["modulus"].text), e = hex(pk["publicExponent"].text),
                d = hex(pk["privateExponent"].text);
    const std::string sha = group["sha"].text;
    SCOPED_TRACE(std::to_string(bits) + " " + sha + " e=" + pk["publicExponent"].text);

    // Recovery from (n, e, d) must give the same key as the JWK's components.
    std::unique_ptr<vbignum::rsa_private_key> key;
    auto recovered = std::make_unique<vbignum::rsa_private_key>(
        vbignum::rsa_private_key::from_exponents(n, e, d));
    ++recovered_keys;
    EXPECT_EQ(recovered->n(), strip_zeros(n));
    if (group.has("privateKeyJwk")) {
      const Json &jwk = group["privateKeyJwk"];
      Bytes p = base64url(jwk["p"].text), q = base64url(jwk["q"].text);
      key = std::make_unique<vbignum::rsa_private_key>(vbignum::rsa_private_key::from_crt(
          n, e, d, p, q, base64url(jwk["dp"].text), base64url(jwk["dq"].text),
          base64url(jwk["qi"].text)));
      ++crt_keys;
      // Recovered keys order p > q; the JWK may use either order.
      bool same_order = recovered->p() == strip_zeros(p);
      EXPECT_EQ(recovered->p(), strip_zeros(same_order ? p : q));
      EXPECT_EQ(recovered->q(), strip_zeros(same_order ? q : p));
      if (same_order) {
        EXPECT_EQ(recovered->dp(), strip_zeros(base64url(jwk["dp"].text)));
        EXPECT_EQ(recovered->dq(), strip_zeros(base64url(jwk["dq"].text)));
        EXPECT_EQ(recovered->qinv(), strip_zeros(base64url(jwk["qi"].text)));
      }
    } else {
      key = std::move(recovered);
    }
    ASSERT_EQ(key->modulus_bits(), size_t(bits));

    for (const Json &t : group["tests"].items) {
      const std::string result = t["result"].text;
      ASSERT_TRUE(result == "valid" || result == "acceptable") << "tcId " << t["tcId"].text;
      Bytes em = emsa_pkcs1_v15(sha, hex(t["msg"].text), key->modulus_bytes());
      EXPECT_EQ(key->private_op(em), hex(t["sig"].text)) << "tcId " << t["tcId"].text;
      ++signed_ok;
    }
  }
  std::printf("RSA-%d: %zu signatures checked, %zu CRT keys, %zu keys recovered from (n, e, d)\n",
              bits, signed_ok, crt_keys, recovered_keys);
  EXPECT_GT(signed_ok, 0u);
}

TEST(WycheproofRsa, Pkcs1SigGen2048) { run_file(2048); }
TEST(WycheproofRsa, Pkcs1SigGen3072) { run_file(3072); }
TEST(WycheproofRsa, Pkcs1SigGen4096) { run_file(4096); }

}  // namespace
