#include "nacre/status.hpp"

namespace nacre {

const char *status_name(int status) noexcept {
  switch (static_cast<Status>(status)) {
    case Status::ok: return "NACRE_OK";
    case Status::invalid_argument: return "NACRE_ERR_INVALID_ARGUMENT";
    case Status::buffer_too_small: return "NACRE_ERR_BUFFER_TOO_SMALL";
    case Status::verification_failed: return "NACRE_ERR_VERIFICATION_FAILED";
    case Status::invalid_key: return "NACRE_ERR_INVALID_KEY";
    case Status::unsupported: return "NACRE_ERR_UNSUPPORTED";
    case Status::invalid_handle: return "NACRE_ERR_INVALID_HANDLE";
    case Status::out_of_memory: return "NACRE_ERR_OUT_OF_MEMORY";
    case Status::internal: return "NACRE_ERR_INTERNAL";
  }
  return "NACRE_ERR_UNKNOWN";
}

void throw_error(Status status, const char *what) { throw Error(status, what); }

void throw_size_error(Status status, const char *what, std::size_t expected, std::size_t got) {
  throw Error(status, std::string(what) + ": expected " + std::to_string(expected) + " bytes, got " +
                          std::to_string(got));
}

void throw_unknown(const char *what, long long number) {
  throw Error(Status::unsupported, std::string(what) + " " + std::to_string(number));
}

}  // namespace nacre
