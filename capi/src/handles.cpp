#include "handles.hpp"

#include <array>
#include <atomic>
#include <mutex>
#include <new>

namespace nacre::capi {
namespace {

constexpr std::size_t kBlockSlots = 4096;
constexpr std::size_t kMaxBlocks = 1024;

class Arena {
 public:
  Slot *acquire(Tag tag, void *object) {
    std::lock_guard<std::mutex> lock(mu_);
    if (head_ == nullptr) grow();
    Slot *s = head_;
    head_ = s->next_free;
    if (head_ == nullptr) tail_ = nullptr;
    s->next_free = nullptr;
    s->object = object;
    s->tag = tag;
    return s;
  }

  void *take(const void *handle, Tag tag) noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    Slot *s = find(handle, tag);
    if (s == nullptr) return nullptr;
    void *object = s->object;
    release_locked(s);
    return object;
  }

  Slot *find(const void *handle, Tag tag) noexcept {
    const auto p = reinterpret_cast<std::uintptr_t>(handle);
    const std::size_t n = count_.load(std::memory_order_acquire);
    for (std::size_t i = 0; i < n; ++i) {
      const auto base = reinterpret_cast<std::uintptr_t>(blocks_[i]);
      if (p >= base && p < base + kBlockSlots * sizeof(Slot) && (p - base) % sizeof(Slot) == 0) {
        auto *s = reinterpret_cast<Slot *>(p);
        return s->tag == tag ? s : nullptr;
      }
    }
    return nullptr;
  }

  void release_locked(Slot *s) noexcept {
    s->tag = Tag::free;
    s->object = nullptr;
    s->next_free = nullptr;
    if (tail_ != nullptr) {
      tail_->next_free = s;
    } else {
      head_ = s;
    }
    tail_ = s;
  }

 private:
  void grow() {
    const std::size_t n = count_.load(std::memory_order_relaxed);
    if (n == kMaxBlocks) throw std::bad_alloc();
    // Blocks live until exit on purpose (see handles.hpp).
    auto block = std::make_unique<Slot[]>(kBlockSlots);
    Slot *b = block.release();
    for (std::size_t i = 0; i < kBlockSlots; ++i) {
      b[i] = Slot{Tag::free, nullptr, i + 1 < kBlockSlots ? &b[i + 1] : nullptr};
    }
    blocks_[n] = b;
    count_.store(n + 1, std::memory_order_release);
    head_ = b;
    tail_ = &b[kBlockSlots - 1];
  }

  std::mutex mu_;
  Slot *head_ = nullptr;
  Slot *tail_ = nullptr;
  std::array<Slot *, kMaxBlocks> blocks_{};
  std::atomic<std::size_t> count_{0};
};

Arena &arena() {
  static Arena *a = [] {
    alignas(Arena) static unsigned char storage[sizeof(Arena)];
    return ::new (storage) Arena();
  }();
  return *a;
}

}  // namespace

Slot *acquire(Tag tag, void *object) { return arena().acquire(tag, object); }
Slot *find(const void *handle, Tag tag) noexcept { return arena().find(handle, tag); }
void *take(const void *handle, Tag tag) noexcept { return arena().take(handle, tag); }

}  // namespace nacre::capi
