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

// Where a backend's C state struct lives. Keyed states (HMAC, keyed BLAKE2b) hold key material
// and go to secret memory; unkeyed hash states hold only a chaining value and one block of input,
// so they live inside the object on the ordinary heap (a million hash objects must not spend the
// locked budget), and are still wiped when the object goes.
template <class Ctx>
class InSecretMemory {
 public:
  InSecretMemory() : mem_(sizeof(Ctx)) {}
  Ctx *get() noexcept { return reinterpret_cast<Ctx *>(mem_.data()); }
  const Ctx *get() const noexcept { return reinterpret_cast<const Ctx *>(mem_.data()); }

 private:
  SecretBytes mem_;
};

namespace sodium {
void wipe(void *p, std::size_t n) noexcept;  // sodium_memzero (adapters.hpp)
}

template <class Ctx>
class Inline {
 public:
  Inline() = default;
  Inline(const Inline &) = delete;
  Inline &operator=(const Inline &) = delete;
  ~Inline() { sodium::wipe(&ctx_, sizeof(Ctx)); }
  Ctx *get() noexcept { return &ctx_; }
  const Ctx *get() const noexcept { return &ctx_; }

 private:
  Ctx ctx_{};
};

// BackendState adapts a backend's C state struct, kept where Place<Ctx> puts it. Traits supply:
//   using Ctx;  static void update(Ctx*, ByteView);  static void final(Ctx*, MutableByteView);
//   static void copy(Ctx *dst, const Ctx *src);  static void cleanup(Ctx*) noexcept;
// and the constructor forwards its arguments to Traits::init(Ctx*, args...).
template <class Traits, template <class> class Place>
class BackendState final : public DigestState {
  using Ctx = typename Traits::Ctx;

 public:
  template <class... Args>
  explicit BackendState(Args &&...args) {
    guarded([&] { Traits::init(ctx(), std::forward<Args>(args)...); });
  }
  ~BackendState() override { Traits::cleanup(ctx()); }
  BackendState(const BackendState &) = delete;
  BackendState &operator=(const BackendState &) = delete;

  void update(ByteView in) override { Traits::update(ctx(), in); }

  void finish(MutableByteView out) const override {
    BackendState tmp(Copy{}, *this);
    Traits::final(tmp.ctx(), out);
  }

  std::unique_ptr<DigestState> clone() const override {
    return std::make_unique<BackendState>(Copy{}, *this);
  }

  struct Copy {};
  BackendState(Copy, const BackendState &src) {
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

  Ctx *ctx() noexcept { return place_.get(); }
  const Ctx *ctx() const noexcept { return place_.get(); }

  Place<Ctx> place_;
};

template <class Traits>
using SecretState = BackendState<Traits, InSecretMemory>;
template <class Traits>
using PlainState = BackendState<Traits, Inline>;

// plain_copy is the copy step for C states that are plain structs.
template <class Ctx>
inline void plain_copy(Ctx *dst, const Ctx *src) noexcept {
  std::memcpy(static_cast<void *>(dst), static_cast<const void *>(src), sizeof(Ctx));
}

}  // namespace nacre::detail
