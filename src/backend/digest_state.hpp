// The one shape shared by every incremental hash, XOF and MAC adapter.
#pragma once

#include <cstring>
#include <memory>
#include <new>

#include "nacre/bytes.hpp"
#include "nacre/secret.hpp"

namespace nacre::detail {

// DigestState absorbs input and reads its result without being changed by the read.
class DigestState {
 public:
  virtual ~DigestState() = default;
  virtual void update(ByteView in) = 0;
  // Writes the result of the input so far; |out| has the digest length (any length for XOFs).
  virtual void finish(MutableByteView out) const = 0;
  virtual std::unique_ptr<DigestState> clone() const = 0;
};

// SecretState keeps a backend's C state struct in secret memory, so keyed states (HMAC, keyed
// BLAKE2b) are locked and wiped. Traits supply:
//   using Ctx;  static void update(Ctx*, ByteView);  static void final(Ctx*, MutableByteView);
//   static void copy(Ctx *dst, const Ctx *src);  static void cleanup(Ctx*) noexcept;
// and the constructor forwards its arguments to Traits::init(Ctx*, args...).
template <class Traits>
class SecretState final : public DigestState {
  using Ctx = typename Traits::Ctx;

 public:
  template <class... Args>
  explicit SecretState(Args &&...args) : mem_(sizeof(Ctx)) {
    guarded([&] { Traits::init(ctx(), std::forward<Args>(args)...); });
  }
  ~SecretState() override { Traits::cleanup(ctx()); }
  SecretState(const SecretState &) = delete;
  SecretState &operator=(const SecretState &) = delete;

  void update(ByteView in) override { Traits::update(ctx(), in); }

  void finish(MutableByteView out) const override {
    SecretState tmp(Copy{}, *this);
    Traits::final(tmp.ctx(), out);
  }

  std::unique_ptr<DigestState> clone() const override {
    return std::make_unique<SecretState>(Copy{}, *this);
  }

  struct Copy {};
  SecretState(Copy, const SecretState &src) : mem_(sizeof(Ctx)) {
    guarded([&] { Traits::copy(ctx(), src.ctx()); });
  }

 private:
  // A half-initialised backend state is released before the exception leaves the constructor.
  template <class F>
  void guarded(F &&f) {
    try {
      f();
    } catch (...) {
      Traits::cleanup(ctx());
      throw;
    }
  }

  Ctx *ctx() noexcept { return reinterpret_cast<Ctx *>(mem_.data()); }
  const Ctx *ctx() const noexcept { return reinterpret_cast<const Ctx *>(mem_.data()); }

  SecretBytes mem_;
};

// plain_copy is the copy step for C states that are plain structs.
template <class Ctx>
inline void plain_copy(Ctx *dst, const Ctx *src) noexcept {
  std::memcpy(static_cast<void *>(dst), static_cast<const void *>(src), sizeof(Ctx));
}

}  // namespace nacre::detail
