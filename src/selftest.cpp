// Known answers from the standards themselves: FIPS 180-4 and FIPS 202 examples ("abc"),
// RFC 7693 Appendix A (BLAKE2b-512 of "abc"), RFC 4231 test case 2 (HMAC).
#include "nacre/selftest.hpp"

#include <string_view>

#include "selftest_kats.hpp"

#include "nacre/encoding.hpp"
#include "nacre/hash.hpp"
#include "nacre/hmac.hpp"

namespace nacre {
namespace {

using detail::Kat;

constexpr std::string_view kAbc = "abc";
constexpr std::string_view kHmacKey = "Jefe";
constexpr std::string_view kHmacMsg = "what do ya want for nothing?";

constexpr Kat kKats[] = {
    {HashAlg::sha256, false, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {HashAlg::sha384, false,
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"},
    {HashAlg::sha512, false,
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
     "454d4423643ce80e2a9ac94fa54ca49f"},
    {HashAlg::sha512_256, false, "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"},
    {HashAlg::sha3_256, false, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"},
    {HashAlg::sha3_512, false,
     "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e39340"
     "57340b4cf408d5a56592f8274eec53f0"},
    {HashAlg::blake2b, false,
     "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc95"
     "18d38aa8dbf1925ab92386edd4009923"},
    {HashAlg::shake128, false, "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8"},
    {HashAlg::shake256, false,
     "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa"
     "9f8726e462a12a4feb06bd8801e751e4"},
    {HashAlg::sha256, true, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
    {HashAlg::sha384, true,
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"},
    {HashAlg::sha512, true,
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
     "caeab1a34d4a6b4b636e070a38bce737"},
};

ByteView view(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

bool check_one(const Kat &k, Backend b) {
  try {
    const Bytes expected = from_hex(k.expected);
    Bytes got(expected.size());
    if (k.hmac) {
      hmac_into(k.alg, view(kHmacKey), view(kHmacMsg), got, b);
      return got == expected && hmac_verify(k.alg, view(kHmacKey), view(kHmacMsg), expected, b);
    }
    if (is_xof(k.alg)) {
      xof_into(k.alg, view(kAbc), got);
      return got == expected;
    }
    hash_into(k.alg, view(kAbc), got, b);
    // The incremental path must agree with the one-shot path.
    auto h = Hasher::create(k.alg, b);
    h.update(view(kAbc.substr(0, 1)));
    h.update(view(kAbc.substr(1)));
    return got == expected && h.digest() == expected;
  } catch (const Error &) {
    return false;
  }
}

}  // namespace

namespace detail {
std::span<const Kat> builtin_kats() noexcept { return kKats; }

std::vector<SelftestResult> run_kats(std::span<const Kat> kats) {
  std::vector<SelftestResult> results;
  for (const auto &k : kats) {
    for (Backend b : {Backend::boringssl, Backend::sodium}) {
      const bool available = k.hmac ? hmac_is_available(k.alg, b) : is_available(k.alg, b);
      if (!available) continue;
      std::string name = k.hmac ? "hmac-" : "";
      name += hash_name(k.alg);
      results.push_back({name, std::string(backend_name(b)), check_one(k, b)});
    }
  }
  return results;
}
}  // namespace detail

std::vector<SelftestResult> run_selftest() {
  std::vector<SelftestResult> results = detail::run_kats(detail::builtin_kats());
  for (auto &r : detail::run_pk_kats(detail::builtin_pk_kats())) results.push_back(std::move(r));
  for (auto &r : detail::run_pk_pairwise()) results.push_back(std::move(r));
  return results;
}

}  // namespace nacre
