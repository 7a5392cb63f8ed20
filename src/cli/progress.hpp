// A progress line on stderr for long operations: bytes done, percent when the size is known,
// and speed, redrawn at most ten times a second once the work has run for a second. Shown when
// stderr is a terminal (Mode::automatic), or always / never when asked.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace nacre::cli {

class Progress {
 public:
  enum class Mode { automatic, on, off };

  // |total|: the input's size, 0 when unknown (a pipe).
  Progress(Mode mode, std::string label, std::uint64_t total);
  ~Progress();  // ends the line if one was drawn
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

  void add(std::uint64_t bytes);

 private:
  void draw(bool last);

  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::string label_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace nacre::cli
