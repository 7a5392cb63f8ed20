#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace nacre::cli {
namespace {

std::string human(double bytes) {
  static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return buf;
}

constexpr auto kDelay = std::chrono::seconds(1);
constexpr auto kInterval = std::chrono::milliseconds(100);

}  // namespace

Progress::Progress(Mode mode, std::string label, std::uint64_t total)
    : enabled_(mode == Mode::on || (mode == Mode::automatic && isatty(STDERR_FILENO) == 1)),
      label_(std::move(label)),
      total_(total) {}

Progress::~Progress() {
  if (drawn_) draw(true);
}

void Progress::add(std::uint64_t bytes) {
  done_ += bytes;
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - start_ < kDelay || now - last_draw_ < kInterval) return;
  last_draw_ = now;
  draw(false);
}

void Progress::draw(bool last) {
  const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  std::string line = "\r" + label_ + ": " + human(static_cast<double>(done_));
  if (total_ > 0) {
    char pct[16];
    std::snprintf(pct, sizeof pct, " (%3.0f%%)", 100.0 * static_cast<double>(done_) / static_cast<double>(total_));
    line += " of " + human(static_cast<double>(total_)) + pct;
  }
  if (seconds > 0) line += ", " + human(static_cast<double>(done_) / seconds) + "/s";
  line += "\x1b[K";  // clear the rest of the line
  if (last) line += "\n";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace nacre::cli
