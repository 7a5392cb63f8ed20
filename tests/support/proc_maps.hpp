// The calling process's memory mappings, as the kernel lists them in /proc/self/maps.
#pragma once

#include <cstddef>
#include <fstream>
#include <string>

namespace nacre::test {

// How many mappings the process has (vm.max_map_count bounds it).
inline std::size_t mapping_count() {
  std::ifstream maps("/proc/self/maps");
  std::size_t n = 0;
  std::string line;
  while (std::getline(maps, line)) ++n;
  return n;
}

}  // namespace nacre::test
