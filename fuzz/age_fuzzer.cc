// age through the C ABI: arbitrary files (binary or armored, fed in arbitrary pieces) to a
// decryptor never crash and fail only with the documented statuses and failure classes; files
// encrypted to an identity round-trip in any piece size, and any flipped bit makes them fail
// with no plaintext from the chunk it is in; arbitrary recipient and identity texts are refused
// or accepted, never crash.
#include <string>

#include "fuzzer.hpp"

namespace {

const std::string &identity() {
  static const std::string id = [] {
    char buf[128];
    std::size_t len = 0;
    FUZZ_CHECK(nacre_age_keygen(0, reinterpret_cast<std::uint8_t *>(buf), sizeof buf, &len) == NACRE_OK);
    return std::string(buf, len);
  }();
  return id;
}

const std::string &recipient() {
  static const std::string r = [] {
    char buf[128];
    std::size_t len = 0;
    const std::string &id = identity();
    FUZZ_CHECK(nacre_age_identity_to_recipient(reinterpret_cast<const std::uint8_t *>(id.data()), id.size(), buf,
                                               sizeof buf, &len) == NACRE_OK);
    return std::string(buf, len);
  }();
  return r;
}

using Step = int (*)(void *, std::uint8_t *, std::size_t, std::size_t *, const std::uint8_t *, std::size_t);

// One update or finish sized by its own query; appends its output. Returns the status.
template <class H, class Update, class Finish>
int run(H *st, const std::vector<std::uint8_t> &in, FuzzedDataProvider &pieces, std::vector<std::uint8_t> &out,
        Update update, Finish finish) {
  std::size_t at = 0;
  while (at < in.size()) {
    const std::size_t n = pieces.ConsumeIntegralInRange<std::size_t>(1, in.size() - at);
    std::size_t need = 0;
    int rc = update(st, nullptr, 0, &need, in.data() + at, n);
    if (rc == NACRE_ERR_BUFFER_TOO_SMALL) {
      std::vector<std::uint8_t> buf(need);
      std::size_t len = 0;
      rc = update(st, buf.data(), buf.size(), &len, in.data() + at, n);
      FUZZ_CHECK(rc != NACRE_ERR_BUFFER_TOO_SMALL);
      if (rc == NACRE_OK) out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len));
    }
    if (rc != NACRE_OK) return rc;
    at += n;
  }
  std::size_t need = 0;
  int rc = finish(st, nullptr, 0, &need);
  if (rc == NACRE_ERR_BUFFER_TOO_SMALL) {
    std::vector<std::uint8_t> buf(need);
    std::size_t len = 0;
    rc = finish(st, buf.data(), buf.size(), &len);
    if (rc == NACRE_OK) out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len));
  }
  return rc;
}

int decrypt(const std::vector<std::uint8_t> &file, FuzzedDataProvider &in, std::vector<std::uint8_t> &out,
            bool passphrase, int *failure) {
  nacre_age_decryptor *dec = nullptr;
  const std::string &id = identity();
  // A passphrase reader accepts work factors up to 2 only: hostile files stay fast.
  FUZZ_CHECK((passphrase ? nacre_age_decryptor_new_passphrase(&dec, reinterpret_cast<const std::uint8_t *>("pw"), 2, 2, 0)
                         : nacre_age_decryptor_new(&dec, reinterpret_cast<const std::uint8_t *>(id.data()), id.size(), 0)) ==
             NACRE_OK);
  const int rc = run(dec, file, in, out, nacre_age_decryptor_update, nacre_age_decryptor_finish);
  *failure = nacre_age_decryptor_failure(dec);
  nacre_age_decryptor_free(dec);
  FUZZ_CHECK(documented_status(rc));
  FUZZ_CHECK((rc == NACRE_OK) == (*failure == NACRE_AGE_FAILURE_NONE));
  FUZZ_CHECK(*failure >= NACRE_AGE_FAILURE_NONE && *failure <= NACRE_AGE_FAILURE_ARMOR);
  return rc;
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  const int mode = in.ConsumeIntegralInRange<int>(0, 3);
  int failure = 0;
  if (mode == 0 || mode == 1) {  // arbitrary files
    const std::vector<std::uint8_t> file = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 4096));
    std::vector<std::uint8_t> out;
    decrypt(file, in, out, mode == 1, &failure);
    return;
  }
  if (mode == 2) {  // arbitrary recipient and identity lists
    const std::string text = in.ConsumeRandomLengthString(512);
    nacre_age_encryptor *enc = nullptr;
    FUZZ_CHECK(documented_status(nacre_age_encryptor_new(&enc, text.data(), text.size(), 0)));
    nacre_age_encryptor_free(enc);
    nacre_age_decryptor *dec = nullptr;
    FUZZ_CHECK(documented_status(
        nacre_age_decryptor_new(&dec, reinterpret_cast<const std::uint8_t *>(text.data()), text.size(), 0)));
    nacre_age_decryptor_free(dec);
    return;
  }
  // Round trips, with an optional flipped bit.
  const unsigned flags = in.ConsumeBool() ? NACRE_AGE_ARMOR : 0u;
  const std::vector<std::uint8_t> plain = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 200000));
  nacre_age_encryptor *enc = nullptr;
  const std::string &r = recipient();
  FUZZ_CHECK(nacre_age_encryptor_new(&enc, r.data(), r.size(), flags) == NACRE_OK);
  std::vector<std::uint8_t> file;
  FUZZ_CHECK(run(enc, plain, in, file, nacre_age_encryptor_update, nacre_age_encryptor_finish) == NACRE_OK);
  nacre_age_encryptor_free(enc);
  const bool flip = in.ConsumeBool();
  if (flip) {
    const std::size_t bit = in.ConsumeIntegralInRange<std::size_t>(0, file.size() * 8 - 1);
    file[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
  }
  std::vector<std::uint8_t> out;
  const int rc = decrypt(file, in, out, false, &failure);
  if (!flip) {
    FUZZ_CHECK(rc == NACRE_OK);
    FUZZ_CHECK(out == plain);
  } else {
    FUZZ_CHECK(rc != NACRE_OK);
    FUZZ_CHECK(out.size() <= plain.size() && std::equal(out.begin(), out.end(), plain.begin()));
  }
}
