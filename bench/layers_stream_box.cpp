// libsodium's secretstream push and sealed boxes, three layers side by side per message size:
// the libsodium call, nacre's C++ API and nacre's C ABI (libsodium is their only backend).
#include <sodium.h>

#include <cstdint>
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

// Anonymous sealed box to an X25519 public key: an ephemeral key pair and X25519 per message.
void BM_BoxSeal(benchmark::State &state, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const auto msg = nacre_bench::message(nacre_bench::size_arg(state));
  std::vector<std::uint8_t> out(msg.size() + crypto_box_SEALBYTES);
  switch (layer) {
    case Layer::raw: {
      unsigned char pk[crypto_box_PUBLICKEYBYTES];
      unsigned char sk[crypto_box_SECRETKEYBYTES];
      crypto_box_keypair(pk, sk);
      for (auto _ : state) {
        benchmark::DoNotOptimize(crypto_box_seal(out.data(), msg.data(), msg.size(), pk));
      }
      sodium_memzero(sk, sizeof sk);
      break;
    }
    case Layer::cxx: {
      const nacre::Key recipient = nacre::Key::generate(nacre::KeyType::x25519).public_key();
      for (auto _ : state) {
        nacre::box_seal_into(out, recipient, msg);
        benchmark::DoNotOptimize(out.data());
      }
      break;
    }
    case Layer::capi: {
      nacre_key *k = nullptr;
      if (nacre_key_generate(&k, NACRE_KEY_X25519, 0) != NACRE_OK) {
        state.SkipWithError("nacre_key_generate failed");
        break;
      }
      for (auto _ : state) {
        std::size_t len = 0;
        if (nacre_box_seal(k, out.data(), out.size(), &len, msg.data(), msg.size()) != NACRE_OK) {
          state.SkipWithError("nacre_box_seal failed");
          break;
        }
        benchmark::DoNotOptimize(out.data());
      }
      nacre_key_free(k);
      break;
    }
  }
  nacre_bench::finish_sized(state, true);
}

bool register_all() {
  for (const Layer layer : nacre_bench::kLayers) {
    nacre_bench::add_sized("SecretStreamPush", "xchacha20-poly1305", "sodium", layer,
                           BM_SecretStreamPush, layer);
  }
  for (const Layer layer : nacre_bench::kLayers) {
    nacre_bench::add_sized("BoxSeal", "x25519-xsalsa20-poly1305", "sodium", layer, BM_BoxSeal, layer);
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
