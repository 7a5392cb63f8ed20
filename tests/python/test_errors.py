"""Errors: wrong types, bad sizes, unknown names, failed verification, and the status mapping.

Interpreter and nacre: see conftest.py.
"""

from __future__ import annotations

import pickle
import re
from typing import Any, Callable, Dict

import pytest

import nacre
import nacre.hash
import nacre.hmac
import nacre.keys
import nacre.pwhash
import nacre.secretstream
from nacre._binding.status import check
from vectors import header_path

NOT_BUFFERS = ["text", 42, 3.5, None, object(), [1, 2, 3]]


def _statuses() -> Dict[str, int]:
    """The nacre_status enum, read from the header (independent of the bindings)."""
    text = header_path().read_text(encoding="utf-8")
    body = re.search(r"enum\s+nacre_status\s*\{([^}]*)\}", text)
    assert body, "nacre_status enum not found in nacre.h"
    return {name: int(value) for name, value in re.findall(r"(NACRE_\w+)\s*=\s*(-?\d+)", body[1])}


STATUSES = _statuses()
ERRORS = {name: value for name, value in STATUSES.items() if value != 0}


def test_status_enum_parsed() -> None:
    assert STATUSES["NACRE_OK"] == 0
    assert len(ERRORS) >= 8


# --- wrong types ------------------------------------------------------------------------------

TYPE_CHECKED: Dict[str, Callable[[Any], Any]] = {
    "hash.sha256(x)": lambda x: nacre.hash.sha256(x),
    "hash.new(name, x)": lambda x: nacre.hash.new("sha3_256", x),
    "Hash.update(x)": lambda x: nacre.hash.sha512().update(x),
    "Xof.update(x)": lambda x: nacre.hash.shake_128().update(x),
    "hash.digest(name, x)": lambda x: nacre.hash.digest("sha256", x),
    "blake2b(key=x)": lambda x: nacre.hash.blake2b(b"", key=x),
    "hmac.new(x, ...)": lambda x: nacre.hmac.new(x, b"msg", "sha256"),
    "hmac.new(key, x, ...)": lambda x: nacre.hmac.new(b"key", x, "sha256"),
    "HMAC.update(x)": lambda x: nacre.hmac.new(b"key", None, "sha256").update(x),
    "HMAC.verify(x)": lambda x: nacre.hmac.new(b"key", None, "sha256").verify(x),
    "hmac.digest(x, ...)": lambda x: nacre.hmac.digest(x, b"msg", "sha256"),
    "compare_digest(x, b)": lambda x: nacre.compare_digest(x, b"abc"),
    "compare_digest(b, x)": lambda x: nacre.compare_digest(b"abc", x),
}


@pytest.mark.parametrize(
    "call,value",
    [
        pytest.param(call, value, id=f"{call}-{type(value).__name__}")
        for call in sorted(TYPE_CHECKED)
        for value in NOT_BUFFERS
        # msg=None means "no message", as in the standard hmac module.
        if not (value is None and call == "hmac.new(key, x, ...)")
    ],
)
def test_non_buffers_are_type_errors(call: str, value: Any) -> None:
    with pytest.raises(TypeError):
        TYPE_CHECKED[call](value)


@pytest.mark.parametrize("target", [b"\x00" * 32, "x" * 32, 7])
def test_digest_into_needs_writable_buffer(target: Any) -> None:
    with pytest.raises(TypeError):
        nacre.hash.sha256(b"abc").digest_into(target)
    with pytest.raises(TypeError):
        nacre.random_bytes_into(target)


def test_backend_must_be_a_known_name() -> None:
    with pytest.raises(TypeError):
        nacre.hash.sha256(b"", backend=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError) as info:
        nacre.hash.sha256(b"", backend="openssl")
    assert isinstance(info.value, nacre.Error)


# --- bad sizes --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [-1, 0, 1, 15, 65, 128, 2**64])
def test_blake2b_digest_size_out_of_range(size: int) -> None:
    with pytest.raises(ValueError) as info:
        nacre.hash.blake2b(b"x", digest_size=size)
    assert isinstance(info.value, nacre.Error)


def test_blake2b_key_too_long() -> None:
    nacre.hash.blake2b(b"x", key=b"k" * 64)  # the limit itself is fine
    with pytest.raises(ValueError) as info:
        nacre.hash.blake2b(b"x", key=b"k" * 65)
    assert isinstance(info.value, nacre.Error)


@pytest.mark.parametrize("size", [0, 31, 33, 64])
def test_digest_into_wrong_size(size: int) -> None:
    with pytest.raises(ValueError):
        nacre.hash.sha256(b"abc").digest_into(bytearray(size))
    with pytest.raises(ValueError):
        nacre.hash.digest_into("sha256", b"abc", bytearray(size))


def test_negative_lengths() -> None:
    with pytest.raises(ValueError):
        nacre.hash.shake_128(b"x").digest(-1)
    with pytest.raises(ValueError):
        nacre.hash.digest("shake_256", b"x", length=-5)
    with pytest.raises(ValueError):
        nacre.random_bytes(-1)
    with pytest.raises(TypeError):
        nacre.hash.shake_128(b"x").digest(1.5)  # type: ignore[arg-type]


def test_length_only_for_xofs() -> None:
    with pytest.raises(TypeError):
        nacre.hash.digest("shake_128", b"x")
    with pytest.raises(TypeError):
        nacre.hash.digest("sha256", b"x", length=32)


# --- unknown or unavailable algorithms --------------------------------------------------------


@pytest.mark.parametrize("name", ["md5", "sha1", "sha3_224", "sha3_384", "blake2s", "", "sha 256"])
def test_unknown_hash_name(name: str) -> None:
    with pytest.raises(nacre.UnsupportedAlgorithm) as info:
        nacre.hash.new(name)
    assert isinstance(info.value, ValueError)  # as hashlib.new raises
    with pytest.raises(ValueError):
        nacre.hash.digest(name, b"")


def test_hash_name_must_be_str() -> None:
    with pytest.raises(TypeError):
        nacre.hash.new(b"sha256")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda: nacre.hash.sha3_256(backend="boringssl"),
        lambda: nacre.hash.sha384(backend="sodium"),
        lambda: nacre.hash.sha512_256(b"x", backend="sodium"),
        lambda: nacre.hash.blake2b(backend="boringssl"),
        lambda: nacre.hash.shake_256(backend="boringssl"),
        lambda: nacre.hash.digest("sha3_512", b"", backend="boringssl"),
        lambda: nacre.hash.digest("shake_128", b"", length=8, backend="boringssl"),
        lambda: nacre.hmac.new(b"key", b"", "sha384", backend="sodium"),
        lambda: nacre.hmac.digest(b"key", b"", "sha384", backend="sodium"),
    ],
)
def test_backend_without_the_algorithm(call: Callable[[], Any]) -> None:
    with pytest.raises(nacre.UnsupportedAlgorithm) as info:
        call()
    assert "NACRE_ERR_UNSUPPORTED" in str(info.value)


# --- verification -----------------------------------------------------------------------------


def test_verify_wrong_and_short_tags() -> None:
    h = nacre.hmac.new(b"key", b"msg", "sha256")
    tag = h.digest()
    for wrong in (bytes(32), tag[:31], tag[:16], b"", tag + b"x"):
        with pytest.raises(nacre.InvalidSignature):
            h.verify(wrong)


# --- the status -> exception mapping ----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_every_status_raises_a_nacre_error(name: str) -> None:
    with pytest.raises(nacre.Error) as info:
        check(ERRORS[name], "op")
    assert name in str(info.value)
    assert info.value.status == ERRORS[name]


def test_status_classes() -> None:
    expected = {
        "NACRE_ERR_INVALID_ARGUMENT": ValueError,
        "NACRE_ERR_BUFFER_TOO_SMALL": ValueError,
        "NACRE_ERR_VERIFICATION_FAILED": nacre.VerificationFailed,
        "NACRE_ERR_INVALID_KEY": nacre.InvalidKey,
        "NACRE_ERR_UNSUPPORTED": nacre.UnsupportedAlgorithm,
        "NACRE_ERR_INVALID_HANDLE": nacre.InvalidHandle,
        "NACRE_ERR_OUT_OF_MEMORY": MemoryError,
        "NACRE_ERR_INTERNAL": nacre.InternalError,
    }
    for name, cls in expected.items():
        with pytest.raises(cls):
            check(ERRORS[name])
    with pytest.raises(nacre.InvalidTag):
        check(ERRORS["NACRE_ERR_VERIFICATION_FAILED"], mismatch=nacre.InvalidTag)
    with pytest.raises(nacre.InvalidSignature):
        check(ERRORS["NACRE_ERR_VERIFICATION_FAILED"], mismatch=nacre.InvalidSignature)
    assert check(STATUSES["NACRE_OK"]) is None


def test_unknown_status_is_still_an_error() -> None:
    with pytest.raises(nacre.Error) as info:
        check(-1000)
    assert "NACRE_ERR_UNKNOWN" in str(info.value)


def test_exception_hierarchy() -> None:
    for cls in (
        nacre.InvalidArgument, nacre.BufferTooSmall, nacre.VerificationFailed, nacre.InvalidTag,
        nacre.TruncatedStream, nacre.TrailingData, nacre.InvalidSignature, nacre.InvalidKey,
        nacre.UnsupportedAlgorithm, nacre.InvalidHandle, nacre.OutOfMemory, nacre.InternalError,
    ):
        assert issubclass(cls, nacre.Error), cls
        assert cls.__module__ == "nacre"
        assert getattr(nacre, cls.__name__) is cls
    assert issubclass(nacre.InvalidArgument, ValueError)
    assert not issubclass(nacre.InvalidSignature, ValueError)
    assert issubclass(nacre.TruncatedStream, nacre.InvalidTag)
    assert issubclass(nacre.TrailingData, nacre.InvalidTag)


def test_exceptions_pickle() -> None:
    try:
        nacre.hash.new("md5")
    except nacre.UnsupportedAlgorithm as exc:
        again = pickle.loads(pickle.dumps(exc))
        assert type(again) is nacre.UnsupportedAlgorithm and str(again) == str(exc)


# --- the library's own message ------------------------------------------------------------------


def test_a_library_failure_carries_the_library_message() -> None:
    from nacre._binding.status import c_string
    from nacre._nacre import lib

    with pytest.raises(nacre.InvalidKey) as info:
        nacre.keys.ECPublicKey.from_sec1(b"\x04" + bytes(64), curve="p256")
    reason = c_string(lib.nacre_last_error_message())
    assert reason and reason in str(info.value)
    assert "NACRE_ERR_INVALID_KEY" in str(info.value)
    with pytest.raises(nacre.InvalidTag) as tag_info:
        nacre.AESGCM(bytes(32)).decrypt(bytes(12), bytes(20), None)
    assert c_string(lib.nacre_last_error_message()) in str(tag_info.value)


def test_the_message_belongs_to_the_thread_that_failed() -> None:
    import threading

    from nacre._binding.status import c_string
    from nacre._nacre import lib

    with pytest.raises(nacre.InvalidKey):
        nacre.keys.ECPublicKey.from_sec1(b"\x04" + bytes(64), curve="p256")
    mine = c_string(lib.nacre_last_error_message())
    seen = []
    worker = threading.Thread(target=lambda: seen.append(c_string(lib.nacre_last_error_message())))
    worker.start()
    worker.join()
    assert seen == [""]  # a fresh thread has no failure of its own
    assert c_string(lib.nacre_last_error_message()) == mine


@pytest.mark.parametrize(
    "call, message",
    [
        # Checked only by the library (the Python layer does not repeat these checks).
        (
            lambda: nacre.secretstream.Encryptor(bytes(31)),
            "secretstream key: expected 32 bytes, got 31",
        ),
        (
            lambda: nacre.hash.blake2b(b"", digest_size=65),
            "digest length must be 16 to 64 bytes, got 65",
        ),
        (lambda: nacre.hash.blake2b(b"", key=bytes(65)), "key must be at most 64 bytes, got 65"),
        (
            lambda: nacre.pwhash.derive_key(b"pw", bytes(15), 32, preset="interactive"),
            "salt: expected 16 bytes, got 15",
        ),
        (
            lambda: nacre.keys.X25519PublicKey.from_raw(bytes(31)),
            "x25519 raw public key: expected 32 bytes, got 31",
        ),
    ],
)
def test_size_errors_carry_the_library_message(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(ValueError) as info:
        call()
    assert isinstance(info.value, nacre.Error)
    assert message in str(info.value)


def test_pyca_exception_names_are_raised_where_pyca_raises_them() -> None:
    # nacre.exceptions is the migration path from cryptography.exceptions: each name is raised
    # in the situation where pyca raises its namesake (checked against pyca side by side).
    import cryptography.exceptions as pyca_exc
    from cryptography.hazmat.primitives.asymmetric import ed25519 as pyca_ed25519
    from cryptography.hazmat.primitives.ciphers import aead as pyca_aead

    import nacre.exceptions
    from nacre.keys import Ed25519PrivateKey

    assert nacre.exceptions.__all__ == ["InvalidSignature", "InvalidTag", "UnsupportedAlgorithm"]
    for name in nacre.exceptions.__all__:
        assert getattr(nacre.exceptions, name) is getattr(nacre, name)
        assert issubclass(getattr(nacre.exceptions, name), nacre.Error)
    key, nonce, box = bytes(32), bytes(12), bytes(20)
    with pytest.raises(pyca_exc.InvalidTag):
        pyca_aead.AESGCM(key).decrypt(nonce, box, None)
    with pytest.raises(nacre.exceptions.InvalidTag):
        nacre.AESGCM(key).decrypt(nonce, box, None)
    seed = bytes(range(32))
    with pytest.raises(pyca_exc.InvalidSignature):
        pyca_ed25519.Ed25519PrivateKey.from_private_bytes(seed).public_key().verify(
            bytes(64), b"m")
    with pytest.raises(nacre.exceptions.InvalidSignature):
        Ed25519PrivateKey.from_raw(seed).public_key().verify(bytes(64), b"m")
    with pytest.raises(nacre.exceptions.UnsupportedAlgorithm):
        nacre.keys.ECPrivateKey.generate("secp256k1")
