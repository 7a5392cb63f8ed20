// libsodium's secretstream push and boxes (sealed boxes and crypto_box, each way), three layers
// side by side per message size: the libsodium call, nacre's C++ API and nacre's C ABI (libsodium
// is their only backend).
#include <sodium.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "bench_util.hpp"
#include "nacre.h"
#include "nacre/box.hpp"
#include "nacre/keys.hpp"
#include "nacre/secretstream.hpp"

namespace {

using nacre_bench::Layer;

// Messages of one stream, one state set up before the timed loop.
void BM_SecretStreamPush(benchmark::State &state, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const auto key = nacre_bench::message(crypto_secretstream_xchacha20poly1305_KEYBYTES);
  const auto msg = nacre_bench::message(nacre_bench::size_arg(state));
  std::vector<std::uint8_t> out(msg.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
  std::uint8_t header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  switch (layer) {
    case Layer::raw: {
      crypto_secretstream_xchacha20poly1305_state st;
      crypto_secretstream_xchacha20poly1305_init_push(&st, header, key.data());
      for (auto _ : state) {
        crypto_secretstream_xchacha20poly1305_push(&st, out.data(), nullptr, msg.data(), msg.size(),
                                                   nullptr, 0, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        benchmark::DoNotOptimize(out.data());
      }
      sodium_memzero(&st, sizeof st);
      break;
    }
    case Layer::cxx: {
      nacre::SecretStreamPush st(key, header);
      for (auto _ : state) {
        st.push(out, msg, {}, nacre::StreamTag::message);
        benchmark::DoNotOptimize(out.data());
      }
      break;
    }
    case Layer::capi: {
      nacre_secretstream_encryptor *st = nullptr;
      std::size_t header_len = 0;
      if (nacre_secretstream_encryptor_new(&st, header, sizeof header, &header_len, key.data(),
                                           key.size()) != NACRE_OK) {
        state.SkipWithError("nacre_secretstream_encryptor_new failed");
        break;
      }
      for (auto _ : state) {
        std::size_t len = 0;
        if (nacre_secretstream_push(st, out.data(), out.size(), &len, msg.data(), msg.size(), nullptr,
                                    0, NACRE_SECRETSTREAM_TAG_MESSAGE) != NACRE_OK) {
          state.SkipWithError("nacre_secretstream_push failed");
          break;
        }
        benchmark::DoNotOptimize(out.data());
      }
      nacre_secretstream_encryptor_free(st);
      break;
    }
  }
  nacre_bench::finish_sized(state, true);
}

// libsodium's boxes over X25519 keys. BoxSeal: anonymous sealed box (an ephemeral key pair and
// X25519 per message); BoxSealOpen: its opening; Box and BoxOpen: crypto_box_easy and
// crypto_box_open_easy (X25519 between the two key pairs per message). One sender and one
// recipient key pair for all three layers, so that before timing each layer's box must open in
// the others and crypto_box, being deterministic, must give the same bytes in all three.
enum class BoxOp { seal, seal_open, box, open };

const auto kNonce = nacre_bench::message(crypto_box_NONCEBYTES);

using nacre_bench::KeyPair;

// The output of |op| on |in| in |layer|, written to |out|; 0 on success. |s| sends, |r| receives.
int box_call(BoxOp op, Layer layer, const KeyPair &s, const KeyPair &r, nacre::ByteView in,
             std::vector<std::uint8_t> &out) {
  std::size_t len = 0;
  switch (layer) {
    case Layer::raw:
      switch (op) {
        case BoxOp::seal: return crypto_box_seal(out.data(), in.data(), in.size(), r.pub_raw.data());
        case BoxOp::seal_open:
          return crypto_box_seal_open(out.data(), in.data(), in.size(), r.pub_raw.data(), r.priv.data());
        case BoxOp::box:
          return crypto_box_easy(out.data(), in.data(), in.size(), kNonce.data(), r.pub_raw.data(), s.priv.data());
        case BoxOp::open:
          return crypto_box_open_easy(out.data(), in.data(), in.size(), kNonce.data(), s.pub_raw.data(),
                                      r.priv.data());
      }
      break;
    case Layer::cxx:
      switch (op) {
        case BoxOp::seal: nacre::box_seal_into(out, r.pub, in); return 0;
        case BoxOp::seal_open: nacre::box_seal_open_into(out, r.key, in); return 0;
        case BoxOp::box: nacre::box_into(out, s.key, r.pub, kNonce, in); return 0;
        case BoxOp::open: nacre::box_open_into(out, r.key, s.pub, kNonce, in); return 0;
      }
      break;
    case Layer::capi:
      switch (op) {
        case BoxOp::seal: return nacre_box_seal(r.cpub.k, out.data(), out.size(), &len, in.data(), in.size());
        case BoxOp::seal_open:
          return nacre_box_seal_open(r.ckey.k, out.data(), out.size(), &len, in.data(), in.size());
        case BoxOp::box:
          return nacre_box(s.ckey.k, r.cpub.k, out.data(), out.size(), &len, kNonce.data(), kNonce.size(),
                           in.data(), in.size());
        case BoxOp::open:
          return nacre_box_open(r.ckey.k, s.cpub.k, out.data(), out.size(), &len, kNonce.data(), kNonce.size(),
                                in.data(), in.size());
      }
      break;
  }
  return -1;
}

// Each layer boxes |msg|; each box must open to |msg| in every layer. Returns the box made by
// nacre's C++ API (empty on any disagreement), which the opening benchmarks open.
std::vector<std::uint8_t> box_layers_agree(bool sealed, const KeyPair &s, const KeyPair &r,
                                           const std::vector<std::uint8_t> &msg) {
  const std::size_t overhead = sealed ? crypto_box_SEALBYTES : crypto_box_MACBYTES;
  std::vector<std::vector<std::uint8_t>> boxes;
  for (const Layer layer : nacre_bench::kLayers) {
    boxes.emplace_back(msg.size() + overhead);
    if (box_call(sealed ? BoxOp::seal : BoxOp::box, layer, s, r, msg, boxes.back()) != 0) return {};
    if (!sealed && boxes.back() != boxes.front()) return {};
  }
  std::vector<std::uint8_t> opened(msg.size());
  for (const auto &box : boxes) {
    for (const Layer layer : nacre_bench::kLayers) {
      if (box_call(sealed ? BoxOp::seal_open : BoxOp::open, layer, s, r, box, opened) != 0 || opened != msg) return {};
    }
  }
  return boxes[1];
}

void BM_Box(benchmark::State &state, BoxOp op, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const auto msg = nacre_bench::message(nacre_bench::size_arg(state));
  const bool sealed = op == BoxOp::seal || op == BoxOp::seal_open;
  const bool opening = op == BoxOp::seal_open || op == BoxOp::open;
  const KeyPair &sender = nacre_bench::key_pair(nacre::KeyType::x25519, 0);
  const KeyPair &recipient = nacre_bench::key_pair(nacre::KeyType::x25519, 1);
  const std::vector<std::uint8_t> box = box_layers_agree(sealed, sender, recipient, msg);
  if (box.empty()) {
    state.SkipWithError("raw and nacre boxes disagree");
    return;
  }
  const std::vector<std::uint8_t> &in = opening ? box : msg;
  std::vector<std::uint8_t> out(opening ? msg.size() : box.size());
  nacre_bench::run(state, "box operation failed", [&] {
    const int rc = box_call(op, layer, sender, recipient, in, out);
    benchmark::DoNotOptimize(out.data());
    return rc;
  });
  nacre_bench::finish_sized(state, true);
}

bool register_all() {
  for (const Layer layer : nacre_bench::kLayers) {
    nacre_bench::add_sized("SecretStreamPush", "xchacha20-poly1305", "sodium", layer,
                           BM_SecretStreamPush, layer);
  }
  for (const auto &[family, op] : {std::pair{"BoxSeal", BoxOp::seal}, std::pair{"BoxSealOpen", BoxOp::seal_open},
                                    std::pair{"Box", BoxOp::box}, std::pair{"BoxOpen", BoxOp::open}}) {
    for (const Layer layer : nacre_bench::kLayers) {
      nacre_bench::add_sized(family, "x25519-xsalsa20-poly1305", "sodium", layer, BM_Box, op, layer);
    }
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
