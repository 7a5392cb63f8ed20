// The exception barrier and argument checks shared by every exported function.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <new>

#include "nacre.h"
#include "nacre/bytes.hpp"
#include "nacre/status.hpp"

namespace nacre::capi {

// set_last_error keeps |message| (truncated to fit; never allocates) as the calling thread's
// nacre_last_error_message. Messages are nacre's own: they never hold key material.
void set_last_error(const char *message) noexcept;

// fail records why a call failed and returns its status.
inline int fail(int status, const char *message) noexcept {
  set_last_error(message);
  return status;
}

// guard runs |f| and turns every exception into a status and a message: nothing crosses the C
// boundary.
template <class F>
int guard(F &&f) noexcept {
  try {
    f();
    return NACRE_OK;
  } catch (const Error &e) {
    return fail(static_cast<int>(e.status()), e.what());
  } catch (const std::bad_alloc &) {
    return fail(NACRE_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (...) {
    return fail(NACRE_ERR_INTERNAL, "internal error: an unexpected exception");
  }
}

// clear_handle_out checks the |H **out| of a constructor and sets |*out| to NULL, where it stays
// unless the call succeeds.
template <class H>
int clear_handle_out(H **out) noexcept {
  if (out == nullptr) return fail(NACRE_ERR_INVALID_ARGUMENT, "the handle pointer is NULL");
  *out = nullptr;
  return NACRE_OK;
}

// with_new_handle runs a constructor |f| whose result goes to |*out|.
template <class H, class F>
int with_new_handle(H **out, F &&f) noexcept {
  const int rc = clear_handle_out(out);
  return rc != NACRE_OK ? rc : guard(f);
}

// verdict runs a comparison |f| (returning bool): NACRE_OK when it holds,
// NACRE_ERR_VERIFICATION_FAILED with |mismatch| when not, or the status of its failure.
template <class F>
int verdict(const char *mismatch, F &&f) noexcept {
  bool ok = false;
  const int rc = guard([&] { ok = f(); });
  if (rc != NACRE_OK) return rc;
  return ok ? NACRE_OK : fail(NACRE_ERR_VERIFICATION_FAILED, mismatch);
}

[[noreturn]] inline void invalid(const char *what) { throw Error(Status::invalid_argument, what); }

// A range no object can have: longer than PTRDIFF_MAX, or wrapping around the address space.
inline bool impossible_range(const void *p, std::size_t n) noexcept {
  return n > static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max()) ||
         reinterpret_cast<std::uintptr_t>(p) > std::numeric_limits<std::uintptr_t>::max() - n;
}

// A pointer+length pair is valid when the pointer is non-NULL or the length is zero, and the
// range is possible.
inline void check_range(const void *p, std::size_t n) {
  if (n == 0) return;
  if (p == nullptr) invalid("NULL pointer with a non-zero length");
  if (impossible_range(p, n)) invalid("length overflows the address space");
}

// wipe_output zeroes an output after a failure, unless its range is impossible (the failure is
// then that very range: there is nothing of the caller's that may be written).
inline void wipe_output(uint8_t *p, std::size_t n) noexcept {
  if (p != nullptr && n != 0 && !impossible_range(p, n)) std::memset(p, 0, n);
}

// opened_len is the length left once |overhead| bytes (tag, nonce, enc) are taken from a sealed
// input. Open functions check it before any size question: a too-short input is a failed open.
inline std::size_t opened_len(std::size_t in_len, std::size_t overhead) {
  if (in_len < overhead) throw Error(Status::verification_failed, "input shorter than its overhead");
  return in_len - overhead;
}

inline ByteView input(const uint8_t *p, std::size_t n) {
  check_range(p, n);
  return n == 0 ? ByteView{} : ByteView{p, n};
}

inline MutableByteView output(uint8_t *p, std::size_t n) {
  check_range(p, n);
  return n == 0 ? MutableByteView{} : MutableByteView{p, n};
}

// Output is the |out, out_cap, out_len| triple. take(n) hands out the first n bytes or reports
// the size needed; with_outputs zeroes every output buffer on any failure.
class Output {
 public:
  Output(uint8_t *out, std::size_t cap, std::size_t *len) : out_(out), cap_(cap), len_(len) {}

  // fits records the size needed when |n| bytes do not fit, so a size query learns it.
  bool fits(std::size_t n) {
    if (cap_ >= n) return true;
    *len_ = n;
    return false;
  }

  MutableByteView take(std::size_t n) {
    if (!fits(n)) throw Error(Status::buffer_too_small, "output buffer too small");
    taken_ = n;
    return {out_, n};
  }

  // used(n) reports that only the first n of the bytes taken were written (variable-length
  // outputs such as DER signatures); the rest is zeroed.
  void used(std::size_t n) noexcept {
    if (n < taken_) std::memset(out_ + n, 0, taken_ - n);
    taken_ = n < taken_ ? n : taken_;
  }

  bool has_len() const noexcept { return len_ != nullptr; }

  void begin() {
    *len_ = 0;
    check_range(out_, cap_);
  }

  void finish(int rc) noexcept {
    if (rc == NACRE_OK) {
      *len_ = taken_;
      return;
    }
    if (len_ != nullptr && rc != NACRE_ERR_BUFFER_TOO_SMALL) *len_ = 0;
    wipe();
  }

  void wipe() noexcept { wipe_output(out_, cap_); }

 private:
  uint8_t *out_;
  std::size_t cap_;
  std::size_t *len_;
  std::size_t taken_ = 0;
};

template <class F>
int with_outputs(std::initializer_list<Output *> outs, F &&f) noexcept {
  for (Output *o : outs) {
    if (!o->has_len()) {
      for (Output *p : outs) p->wipe();
      return fail(NACRE_ERR_INVALID_ARGUMENT, "out_len is NULL");
    }
  }
  const int rc = guard([&] {
    for (Output *o : outs) o->begin();
    f();
  });
  for (Output *o : outs) o->finish(rc);
  return rc;
}

template <class F>
int with_output(uint8_t *out, std::size_t cap, std::size_t *len, F &&f) noexcept {
  Output o(out, cap, len);
  return with_outputs({&o}, [&] { f(o); });
}

// Exact-length outputs (XOF, BLAKE2b with a chosen length) are zeroed on failure too.
template <class F>
int with_exact_output(uint8_t *out, std::size_t n, F &&f) noexcept {
  const int rc = guard([&] { f(output(out, n)); });
  if (rc != NACRE_OK) wipe_output(out, n);
  return rc;
}

}  // namespace nacre::capi
