#include <cstdio>
#include <string>

#include "commands.hpp"
#include "nacre/encoding.hpp"
#include "nacre/random.hpp"

namespace nacre::cli {

void add_random_command(CLI::App &app) {
  auto *cmd = app.add_subcommand("random", "Write N random bytes from the OS CSPRNG to stdout");
  static std::uint64_t count = 0;
  static bool hex = false;
  static bool b64 = false;
  cmd->add_option("N", count, "number of bytes")->required()->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1} << 40));
  auto *h = cmd->add_flag("--hex", hex, "print as lowercase hex");
  cmd->add_flag("--base64", b64, "print as base64")->excludes(h);
  cmd->callback([] {
    // Chunked so that any N runs in constant memory.
    constexpr std::size_t kChunk = std::size_t{3} * 16384;  // a multiple of 3 keeps base64 chunks unpadded
    Bytes buf(kChunk);
    std::uint64_t left = count;
    while (left > 0) {
      const std::size_t n = left < kChunk ? static_cast<std::size_t>(left) : kChunk;
      MutableByteView chunk(buf.data(), n);
      random_fill(chunk);
      if (hex || b64) {
        const std::string text = hex ? to_hex(chunk) : to_base64(chunk);
        std::fwrite(text.data(), 1, text.size(), stdout);
      } else {
        std::fwrite(chunk.data(), 1, n, stdout);
      }
      left -= n;
    }
    if (hex || b64) std::fputc('\n', stdout);
  });
}

}  // namespace nacre::cli
