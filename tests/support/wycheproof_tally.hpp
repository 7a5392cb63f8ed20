// Tallies of Wycheproof outcomes per file, printed so a run shows how many cases each file gave.
#pragma once

#include <cstdio>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "nacre/status.hpp"

namespace nacre::test {

// A rejection is one of the statuses a bad input is documented to give.
inline bool is_rejection(Status s) {
  return s == Status::verification_failed || s == Status::invalid_key;
}

struct Tally {
  std::string label;
  int valid = 0, invalid = 0, acceptable_accepted = 0, acceptable_rejected = 0;

  // Records one case: |accepted| is nacre's outcome, |status| the error when rejected.
  void record(const nlohmann::json &t, bool accepted, Status status) {
    const std::string result = t.at("result");
    INFO(label << " tcId " << t.at("tcId").get<int>() << " (" << t.value("comment", "") << ") status "
               << status_name(static_cast<int>(status)));
    if (!accepted) CHECK(is_rejection(status));
    if (result == "valid") {
      CHECK(accepted);
      ++valid;
    } else if (result == "invalid") {
      CHECK_FALSE(accepted);
      ++invalid;
    } else {
      (accepted ? acceptable_accepted : acceptable_rejected)++;
    }
  }

  void print() const {
    std::printf("wycheproof %s: %d valid passed, %d invalid rejected, acceptable: %d accepted, %d rejected\n",
                label.c_str(), valid, invalid, acceptable_accepted, acceptable_rejected);
  }
};

}  // namespace nacre::test
