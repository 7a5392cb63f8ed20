"""nacre.aead: known answers from tests/vectors/aead.txt on every backend, tampering, sizes,
types, the *_into and random-nonce variants, threads, and interop with pyca/cryptography and
PyNaCl where those are importable.

Interpreter and nacre: see conftest.py.
Expected values come from the vector file, pyca/cryptography or PyNaCl, never from nacre.
"""

from __future__ import annotations

import pickle
import threading
from typing import Any, Callable, Dict, List, Optional, Type

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
import nacre.aead
from nacre.aead import (
    AEGIS128L,
    AEGIS256,
    AESGCM,
    AESGCMSIV,
    ChaCha20Poly1305,
    XChaCha20Poly1305,
)
from vectors import (
    AEAD_BACKENDS,
    AEAD_CPU_DEPENDENT,
    AEAD_SIZES,
    Vector,
    read_vectors,
    vectors_dir,
)

# ALG of the vector file -> the class that implements it.
# nacre.h: random nonces only for AES-GCM-SIV, XChaCha20-Poly1305 and AEGIS-256.
RANDOM_NONCE = {AESGCMSIV, XChaCha20Poly1305, AEGIS256}
ALL_CLASSES = [AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305, AEGIS128L, AEGIS256]
# Algorithm name -> the class that covers it, as each class reports for each of its key sizes
# (test_every_algorithm_has_one_class checks this against tests/python/vectors.py).
CLASSES: Dict[str, Type[Any]] = {
    cls(bytes(n)).algorithm: cls for cls in ALL_CLASSES for n in cls.KEY_SIZES
}
NOT_BUFFERS = ["text", 42, 3.5, object(), [1, 2, 3]]


def _backends(alg: str) -> List[str]:
    """The backends the header promises for ``alg``, less those this CPU lacks."""
    available = set(nacre.aead.available_backends(alg))
    return sorted(b for b in AEAD_BACKENDS[alg] if b in available)


def _load() -> List[Vector]:
    path = vectors_dir() / "aead.txt"
    return read_vectors(path) if path.is_file() else []  # test_vector_file checks presence


def _cases() -> list:
    cases = []
    for vec in _load():
        alg = vec.get("ALG", "?")
        for backend in sorted(AEAD_BACKENDS.get(alg, {"?"})) + [None]:
            case_id = f"{vec.where}-{alg}-{backend or 'default'}"
            cases.append(pytest.param(vec, backend, id=case_id))
    return cases


def _cipher(alg: str, backend: Optional[str] = None, key: Optional[bytes] = None) -> Any:
    key_size = AEAD_SIZES[alg][0]
    return CLASSES[alg](bytes(range(key_size)) if key is None else key, backend=backend)


def _flip(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def test_vector_file() -> None:
    path = vectors_dir() / "aead.txt"
    assert path.is_file(), f"{path} is missing (set NACRE_VECTORS_DIR?)"
    vectors = read_vectors(path)
    for vec in vectors:
        assert set(vec) == {"ALG", "KEY", "NONCE", "AAD", "MSG", "CT", "TAG"}, vec.where
        assert len(vec.hex("CT")) == len(vec.hex("MSG")), vec.where
    # AEAD_SIZES is read off these vectors and refuses an ALG whose vectors disagree on sizes.


@pytest.mark.parametrize("alg", sorted(AEAD_BACKENDS))
def test_available_backends_match_header(alg: str) -> None:
    got = set(nacre.aead.available_backends(alg))
    always = {b for b in AEAD_BACKENDS[alg] if (alg, b) not in AEAD_CPU_DEPENDENT}
    assert always <= got <= AEAD_BACKENDS[alg]


def test_every_algorithm_has_one_class() -> None:
    assert set(CLASSES) == set(AEAD_SIZES) == set(nacre.aead.ALGORITHMS)


@pytest.mark.parametrize("alg", sorted(AEAD_SIZES))
def test_sizes(alg: str) -> None:
    key_size, nonce_size, tag_size = AEAD_SIZES[alg]
    cipher = _cipher(alg)
    assert cipher.algorithm == alg
    assert (cipher.key_size, cipher.nonce_size, cipher.tag_size) == AEAD_SIZES[alg]
    cls = type(cipher)
    assert nonce_size == cls.NONCE_SIZE and tag_size == cls.TAG_SIZE
    key = cls.generate_key(8 * key_size) if cls in (AESGCM, AESGCMSIV) else cls.generate_key()
    assert len(key) == key_size


@pytest.mark.parametrize("vec,backend", _cases())
def test_known_answer(vec: Vector, backend: Optional[str]) -> None:
    alg = vec["ALG"]
    if backend is not None and backend not in _backends(alg):
        pytest.skip(f"{alg} on {backend} is not available on this CPU")
    key, nonce, aad, msg = (vec.hex(k) for k in ("KEY", "NONCE", "AAD", "MSG"))
    ct, tag = vec.hex("CT"), vec.hex("TAG")
    cipher = CLASSES[alg](key, backend=backend)
    ad_forms: List[Optional[Any]] = [aad, bytearray(aad), memoryview(aad)]
    if not aad:
        ad_forms.append(None)  # None is no associated data, the same as empty
    for ad in ad_forms:
        assert cipher.encrypt(nonce, msg, ad) == ct + tag
        assert cipher.decrypt(nonce, ct + tag, ad) == msg
        assert cipher.decrypt(bytearray(nonce), memoryview(ct + tag), ad) == msg
    assert cipher.encrypt_detached(nonce, msg, aad) == (ct, tag)
    assert cipher.decrypt_detached(nonce, ct, tag, aad) == msg

    out = bytearray(len(ct) + len(tag))
    assert cipher.encrypt_into(nonce, msg, aad, out) == len(out)
    assert out == ct + tag
    plain = bytearray(len(msg))
    assert cipher.decrypt_into(nonce, ct + tag, aad, plain) == len(msg)
    assert plain == msg

    # In place: the data is the start of the output buffer.
    buf = bytearray(msg) + bytearray(len(tag))
    cipher.encrypt_into(nonce, memoryview(buf)[: len(msg)], aad, buf)
    assert buf == ct + tag
    cipher.decrypt_into(nonce, buf, aad, memoryview(buf)[: len(msg)])
    assert buf[: len(msg)] == msg

    with pytest.raises(nacre.InvalidTag):
        cipher.decrypt(nonce, ct + _flip(tag, 0), aad)
    with pytest.raises(nacre.InvalidTag):
        cipher.decrypt_detached(nonce, ct, _flip(tag, 7), aad)


# --- tampering --------------------------------------------------------------------------------


@pytest.mark.parametrize("alg", sorted(AEAD_BACKENDS))
def test_every_bit_flip_is_rejected(alg: str) -> None:
    _, nonce_size, tag_size = AEAD_SIZES[alg]
    msg, aad = bytes(range(40)), b"associated data"
    nonce = bytes(range(100, 100 + nonce_size))
    for backend in _backends(alg):
        cipher = _cipher(alg, backend)
        box = cipher.encrypt(nonce, msg, aad)
        assert len(box) == len(msg) + tag_size
        assert cipher.decrypt(nonce, box, aad) == msg
        for bit in range(8 * len(box)):  # ciphertext and tag
            with pytest.raises(nacre.InvalidTag):
                cipher.decrypt(nonce, _flip(box, bit), aad)
        for bit in range(8 * nonce_size):
            with pytest.raises(nacre.InvalidTag):
                cipher.decrypt(_flip(nonce, bit), box, aad)
        for bit in range(8 * len(aad)):
            with pytest.raises(nacre.InvalidTag):
                cipher.decrypt(nonce, box, _flip(aad, bit))
        ct, tag = box[: len(msg)], box[len(msg) :]
        for bit in range(8 * tag_size):
            with pytest.raises(nacre.InvalidTag):
                cipher.decrypt_detached(nonce, ct, _flip(tag, bit), aad)
        # Dropped or added associated data, truncation, extension, another key.
        for wrong_ad in (None, b"", aad[:-1], aad + b"\x00"):
            with pytest.raises(nacre.InvalidTag):
                cipher.decrypt(nonce, box, wrong_ad)
        for cut in range(len(box)):
            with pytest.raises(nacre.InvalidTag):
                cipher.decrypt(nonce, box[:cut], aad)
        with pytest.raises(nacre.InvalidTag):
            cipher.decrypt(nonce, box + b"\x00", aad)
        with pytest.raises(nacre.InvalidTag):
            cipher.decrypt_detached(nonce, ct, tag[:-1], aad)
        other = _cipher(alg, backend, key=_flip(bytes(range(AEAD_SIZES[alg][0])), 0))
        with pytest.raises(nacre.InvalidTag):
            other.decrypt(nonce, box, aad)


def test_failed_decrypt_into_zeroes_the_output() -> None:
    cipher = ChaCha20Poly1305(bytes(32))
    box = cipher.encrypt(bytes(12), b"attack at dawn", None)
    out = bytearray(b"\xff" * 14)
    with pytest.raises(nacre.InvalidTag):
        cipher.decrypt_into(bytes(12), _flip(box, 3), None, out)
    assert out == bytes(14)


def test_invalid_tag_is_a_nacre_error_not_a_value_error() -> None:
    cipher = AESGCM(bytes(16))
    with pytest.raises(nacre.Error) as info:
        cipher.decrypt(bytes(12), bytes(16), None)
    assert type(info.value) is nacre.InvalidTag
    assert isinstance(info.value, nacre.VerificationFailed)
    assert not isinstance(info.value, ValueError)
    assert "NACRE_ERR_VERIFICATION_FAILED" in str(info.value)
    with pytest.raises(nacre.InvalidTag):
        cipher.decrypt(bytes(12), b"short", None)  # shorter than a tag


# --- sizes and types --------------------------------------------------------------------------


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_wrong_key_sizes(cls: Type[Any]) -> None:
    good = {size for alg, (size, _, _) in AEAD_SIZES.items() if CLASSES[alg] is cls}
    for n in (0, 1, 15, 16, 17, 24, 31, 32, 33, 64):
        if n in good:
            cls(bytes(n))
            continue
        with pytest.raises(ValueError) as info:
            cls(bytes(n))
        assert isinstance(info.value, nacre.InvalidKey)


@pytest.mark.parametrize("alg", sorted(AEAD_SIZES))
def test_wrong_nonce_sizes(alg: str) -> None:
    nonce_size = AEAD_SIZES[alg][1]
    cipher = _cipher(alg)
    box = cipher.encrypt(bytes(nonce_size), b"msg", None)
    for n in (0, 1, 8, nonce_size - 1, nonce_size + 1, 2 * nonce_size, 64):
        with pytest.raises(ValueError):
            cipher.encrypt(bytes(n), b"msg", None)
        with pytest.raises(ValueError):
            cipher.decrypt(bytes(n), box, None)
        with pytest.raises(ValueError):
            cipher.encrypt_into(bytes(n), b"msg", None, bytearray(len(box)))
        with pytest.raises(ValueError):
            cipher.encrypt_detached(bytes(n), b"msg", None)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("value", NOT_BUFFERS, ids=lambda v: type(v).__name__)
def test_non_buffers_are_type_errors(cls: Type[Any], value: Any) -> None:
    cipher = cls(cls.generate_key(256) if cls in (AESGCM, AESGCMSIV) else cls.generate_key())
    nonce = bytes(cls.NONCE_SIZE)
    box = cipher.encrypt(nonce, b"data", b"ad")
    calls: List[Callable[[], Any]] = [
        lambda: cls(value),
        lambda: cipher.encrypt(value, b"data", None),
        lambda: cipher.encrypt(nonce, value, None),
        lambda: cipher.encrypt(nonce, b"data", value),
        lambda: cipher.decrypt(value, box, b"ad"),
        lambda: cipher.decrypt(nonce, value, b"ad"),
        lambda: cipher.decrypt(nonce, box, value),
        lambda: cipher.encrypt_into(nonce, b"data", None, value),
        lambda: cipher.decrypt_into(nonce, box, b"ad", value),
        lambda: cipher.decrypt_detached(nonce, box[:4], value, b"ad"),
    ]
    if cls in RANDOM_NONCE:
        calls += [lambda: cipher.seal(value), lambda: cipher.open(value)]
    for call in calls:
        with pytest.raises(TypeError):
            call()
    with pytest.raises(TypeError):
        cipher.encrypt(nonce, None, None)  # data is required; only associated_data may be None


def test_into_buffers_must_have_the_exact_size() -> None:
    cipher = XChaCha20Poly1305(bytes(32))
    nonce = bytes(24)
    box = cipher.encrypt(nonce, b"0123456789", None)
    for n in (0, len(box) - 1, len(box) + 1, 100):
        with pytest.raises(ValueError):
            cipher.encrypt_into(nonce, b"0123456789", None, bytearray(n))
    for n in (0, 9, 11, 100):
        with pytest.raises(ValueError):
            cipher.decrypt_into(nonce, box, None, bytearray(n))
    with pytest.raises(TypeError):
        cipher.encrypt_into(nonce, b"0123456789", None, bytes(len(box)))  # read-only
    with pytest.raises(TypeError):
        cipher.decrypt_into(nonce, box, None, memoryview(bytes(10)))
    # Any other overlap than "same start" is refused by the library.
    buf = bytearray(b"x" * 40)
    with pytest.raises(ValueError):
        cipher.encrypt_into(nonce, memoryview(buf)[1:11], None, memoryview(buf)[:26])


def test_empty_messages() -> None:
    for alg in sorted(AEAD_SIZES):
        for backend in _backends(alg):
            cipher = _cipher(alg, backend)
            nonce = bytes(cipher.nonce_size)
            box = cipher.encrypt(nonce, b"", None)
            assert len(box) == cipher.tag_size
            assert cipher.decrypt(nonce, box, None) == b""
            assert cipher.decrypt_into(nonce, box, None, bytearray()) == 0


@pytest.mark.parametrize(
    "make",
    [
        lambda: AESGCM(bytes(16), backend="sodium"),
        lambda: AESGCMSIV(bytes(32), backend="sodium"),
        lambda: AEGIS128L(bytes(16), backend="boringssl"),
        lambda: AEGIS256(bytes(32), backend="boringssl"),
    ],
    ids=["aes-128-gcm-sodium", "gcm-siv-sodium", "aegis-128l-boringssl", "aegis-256-boringssl"],
)
def test_backend_without_the_algorithm(make: Callable[[], Any]) -> None:
    with pytest.raises(nacre.UnsupportedAlgorithm) as info:
        make()
    assert "NACRE_ERR_UNSUPPORTED" in str(info.value)


def test_unknown_backend() -> None:
    with pytest.raises(ValueError):
        ChaCha20Poly1305(bytes(32), backend="openssl")
    with pytest.raises(TypeError):
        ChaCha20Poly1305(bytes(32), backend=2)  # type: ignore[arg-type]
    with pytest.raises(nacre.UnsupportedAlgorithm):
        nacre.aead.available_backends("aes-512-gcm")


def test_generate_key() -> None:
    assert len(AESGCM.generate_key(128)) == 16
    assert len(AESGCM.generate_key(256)) == 32
    assert len(AESGCMSIV.generate_key(128)) == 16
    assert len(ChaCha20Poly1305.generate_key()) == 32
    assert len(XChaCha20Poly1305.generate_key()) == 32
    assert len(AEGIS128L.generate_key()) == 16
    assert len(AEGIS256.generate_key()) == 32
    assert ChaCha20Poly1305.generate_key() != ChaCha20Poly1305.generate_key()
    for bad in (0, 64, 160, 255, 512):  # not 8 times a key size
        with pytest.raises(ValueError):
            AESGCM.generate_key(bad)
    for bad in ("256", 256.0, None, True):
        with pytest.raises(TypeError):
            AESGCM.generate_key(bad)  # type: ignore[arg-type]


# --- random-nonce boxes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls", sorted(RANDOM_NONCE, key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_seal_and_open(cls: Type[Any]) -> None:
    algs = [alg for alg, c in CLASSES.items() if c is cls]
    for alg in algs:
        for backend in _backends(alg):
            cipher = _cipher(alg, backend)
            one, two = cipher.seal(b"message", b"ad"), cipher.seal(b"message", b"ad")
            assert one != two and one[: cipher.nonce_size] != two[: cipher.nonce_size]
            assert len(one) == cipher.nonce_size + len(b"message") + cipher.tag_size
            assert cipher.overhead == cipher.nonce_size + cipher.tag_size
            assert cipher.open(one, b"ad") == cipher.open(bytearray(two), b"ad") == b"message"
            # The box is nonce || what encrypt() makes under that nonce.
            nonce = one[: cipher.nonce_size]
            assert cipher.decrypt(nonce, one[cipher.nonce_size :], b"ad") == b"message"
            assert cipher.open(nonce + cipher.encrypt(nonce, b"x", None)) == b"x"
            assert cipher.open(cipher.seal(b"")) == b""
            for bit in range(8 * len(one)):
                with pytest.raises(nacre.InvalidTag):
                    cipher.open(_flip(one, bit), b"ad")
            for wrong in (None, b"", b"ae"):
                with pytest.raises(nacre.InvalidTag):
                    cipher.open(one, wrong)
            for cut in (0, 1, cipher.overhead - 1):
                with pytest.raises(nacre.InvalidTag):
                    cipher.open(one[:cut], b"ad")


@pytest.mark.parametrize("cls", [AESGCM, ChaCha20Poly1305, AEGIS128L], ids=lambda c: c.__name__)
def test_no_random_nonce_helpers_for_short_nonces(cls: Type[Any]) -> None:
    cipher = cls(bytes(sorted(cls._ALG_BY_KEY_SIZE)[-1]))
    assert not hasattr(cipher, "seal")
    assert not hasattr(cipher, "open")


# --- the object -------------------------------------------------------------------------------


@pytest.mark.parametrize("alg", sorted(AEAD_SIZES))
def test_key_never_in_repr(alg: str) -> None:
    key = bytes(range(0xA0, 0xA0 + AEAD_SIZES[alg][0]))
    cipher = CLASSES[alg](key)
    text = repr(cipher) + str(cipher)
    assert key.hex() not in text.lower() and repr(key) not in text
    assert type(cipher).__name__ in text and alg in text
    with pytest.raises(TypeError):
        pickle.dumps(cipher)
    with pytest.raises(AttributeError):
        cipher.key  # noqa: B018 - no attribute gives the key back
    with pytest.raises(AttributeError):
        cipher.extra = 1  # __slots__: nothing can be stashed on it


def test_two_threads_share_one_key() -> None:
    for alg in ("aes-256-gcm", "chacha20-poly1305", "aegis-256"):
        for backend in _backends(alg):
            cipher = _cipher(alg, backend)
            n = cipher.nonce_size
            jobs = [(i.to_bytes(n, "big"), bytes([i % 256]) * (i * 37 % 5000)) for i in range(400)]
            expected = [cipher.encrypt(nonce, msg, b"ad") for nonce, msg in jobs]
            barrier = threading.Barrier(2)
            failures: List[str] = []

            def work(offset: int) -> None:
                barrier.wait()
                for i in range(offset, len(jobs), 2):
                    nonce, msg = jobs[i]
                    box = cipher.encrypt(nonce, msg, b"ad")
                    if box != expected[i] or cipher.decrypt(nonce, box, b"ad") != msg:
                        failures.append(f"{alg}/{backend} job {i}")

            threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert not failures


@pytest.mark.parametrize("alg", sorted(AEAD_SIZES))
def test_key_objects_built_for_one_message(alg: str) -> None:
    # A bytes key is set up lazily: the first call goes through the one-shot C function, the
    # second builds the key handle. Every path must give the same bytes as an eagerly set-up
    # key (a bytearray key is expanded at once), and so must the backends pinned explicitly.
    size = AEAD_SIZES[alg][0]
    key = bytes(range(7, 7 + size))
    eager = CLASSES[alg](bytearray(key))
    nonce = bytes(range(3, 3 + eager.nonce_size))
    msgs = [b"", b"x", bytes(range(200)) * 100]
    expected = [eager.encrypt(nonce, m, b"ad") for m in msgs]
    for i, m in enumerate(msgs):
        assert CLASSES[alg](key).encrypt(nonce, m, b"ad") == expected[i]
        assert CLASSES[alg](key).decrypt(nonce, expected[i], b"ad") == m
    lazy = CLASSES[alg](key)
    for _ in range(3):  # one-shot, then handle built, then handle reused
        assert [lazy.encrypt(nonce, m, b"ad") for m in msgs] == expected
    lazy = CLASSES[alg](key)
    with pytest.raises(nacre.InvalidTag):  # a failed first use stays a failure...
        lazy.decrypt(nonce, _flip(expected[1], 0), b"ad")
    assert lazy.decrypt(nonce, expected[1], b"ad") == b"x"  # ...and the key still works
    for backend in _backends(alg):
        assert CLASSES[alg](key, backend=backend).encrypt(nonce, msgs[2], b"ad") == expected[2]


def test_a_changed_key_buffer_does_not_change_the_key() -> None:
    buf = bytearray(range(32))
    cipher = ChaCha20Poly1305(buf)
    nonce = bytes(12)
    box = cipher.encrypt(nonce, b"m", None)
    buf[0] ^= 1
    assert cipher.decrypt(nonce, box, None) == b"m"
    assert ChaCha20Poly1305(bytes(range(32))).encrypt(nonce, b"m", None) == box


def test_outputs_are_new_objects() -> None:
    # Outputs are written into new bytes objects (_binding.buffers.fresh_bytes): no two results
    # may share one, and a result must not change when later calls run.
    cipher = AESGCM(bytes(32))
    nonce = bytes(12)
    for size in (0, 1, 16383, 16384, 1 << 20):
        msg = bytes([size % 251]) * size
        a = cipher.encrypt(nonce, msg, None)
        b = cipher.encrypt(nonce, msg, None)
        assert a is not b and a == b and type(a) is bytes and len(a) == size + 16
        snapshot = bytes(bytearray(a))
        c = cipher.encrypt(bytes(11) + b"\x01", msg, None)
        assert a == snapshot and c != a
        p = cipher.decrypt(nonce, a, None)
        q = cipher.decrypt(nonce, a, None)
        assert p == msg and (p is not q or size == 0)
    # A one-byte result is a new object, never CPython's cached single-byte bytes.
    one = cipher.decrypt(nonce, cipher.encrypt(nonce, b"\x07", None), None)
    assert one == b"\x07" and bytes([0]) == b"\x00" and bytes(1) == b"\x00"


def test_threads_share_a_key_object_from_its_first_use() -> None:
    # Eight threads race for the first uses of lazily set-up keys (one-shot, handle building).
    for rnd in range(20):
        key = bytes([rnd]) * 32
        expected = ChaCha20Poly1305(bytearray(key)).encrypt(bytes(12), b"payload", None)
        cipher = ChaCha20Poly1305(key)
        barrier = threading.Barrier(8)
        results: List[bytes] = []

        def work() -> None:
            barrier.wait()
            for _ in range(5):
                results.append(cipher.encrypt(bytes(12), b"payload", None))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [expected] * 40


# --- properties -------------------------------------------------------------------------------

data_st = st.binary(max_size=2000)
ad_st = st.one_of(st.none(), st.binary(max_size=100))


@pytest.mark.parametrize("alg", sorted(AEAD_SIZES))
@settings(max_examples=40)
@given(data=data_st, ad=ad_st, seed=st.binary(min_size=64, max_size=64))
def test_round_trip_and_backends_agree(
    alg: str, data: bytes, ad: Optional[bytes], seed: bytes
) -> None:
    key_size, nonce_size, tag_size = AEAD_SIZES[alg]
    key, nonce = seed[:key_size], seed[key_size : key_size + nonce_size] or seed[:nonce_size]
    boxes = set()
    for backend in _backends(alg) + [None]:
        cipher = CLASSES[alg](key, backend=backend)
        box = cipher.encrypt(nonce, data, ad)
        assert len(box) == len(data) + tag_size
        assert cipher.decrypt(nonce, box, ad) == data
        assert cipher.decrypt(nonce, box, b"" if ad is None else ad) == data
        assert b"".join(cipher.encrypt_detached(nonce, data, ad)) == box
        boxes.add(box)
    assert len(boxes) == 1  # every backend (and the default) gives the same ciphertext


# --- interop with independent implementations -------------------------------------------------


def _pyca(name: str) -> Any:
    aead = pytest.importorskip(
        "cryptography.hazmat.primitives.ciphers.aead",
        reason="pyca/cryptography is not importable by this interpreter",
    )
    if not hasattr(aead, name):
        import cryptography

        pytest.skip(f"pyca/cryptography {cryptography.__version__} has no {name}")
    return getattr(aead, name)


PYCA = [
    ("aes-128-gcm", "AESGCM"),
    ("aes-256-gcm", "AESGCM"),
    ("aes-128-gcm-siv", "AESGCMSIV"),
    ("aes-256-gcm-siv", "AESGCMSIV"),
    ("chacha20-poly1305", "ChaCha20Poly1305"),
]


@pytest.mark.parametrize("alg,name", PYCA)
@settings(max_examples=30)
@given(data=data_st, ad=ad_st, seed=st.binary(min_size=44, max_size=44))
def test_interop_with_pyca(
    alg: str, name: str, data: bytes, ad: Optional[bytes], seed: bytes
) -> None:
    theirs_cls = _pyca(name)
    key_size, nonce_size, _ = AEAD_SIZES[alg]
    key, nonce = seed[:key_size], seed[32 : 32 + nonce_size]
    theirs = theirs_cls(key)
    for backend in _backends(alg):
        ours = CLASSES[alg](key, backend=backend)
        box = theirs.encrypt(nonce, data, ad)
        assert ours.encrypt(nonce, data, ad) == box
        assert ours.decrypt(nonce, box, ad) == data
        assert theirs.decrypt(nonce, ours.encrypt(nonce, data, ad), ad) == data


@settings(max_examples=30)
@given(data=data_st, ad=ad_st, seed=st.binary(min_size=56, max_size=56))
def test_interop_with_pynacl_xchacha(data: bytes, ad: Optional[bytes], seed: bytes) -> None:
    bindings = pytest.importorskip("nacl.bindings", reason="PyNaCl is not importable")
    key, nonce = seed[:32], seed[32:]
    box = bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(data, ad, nonce, key)
    for backend in _backends("xchacha20-poly1305"):
        ours = XChaCha20Poly1305(key, backend=backend)
        assert ours.encrypt(nonce, data, ad) == box
        assert ours.decrypt(nonce, box, ad) == data
        # seal()'s box is nonce || ciphertext || tag, which PyNaCl opens with that nonce.
        sealed = ours.seal(data, ad)
        assert bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            sealed[24:], ad, sealed[:24], key
        ) == data


@settings(max_examples=20)
@given(data=data_st, ad=ad_st, seed=st.binary(min_size=44, max_size=44))
def test_interop_with_pynacl_chacha(data: bytes, ad: Optional[bytes], seed: bytes) -> None:
    bindings = pytest.importorskip("nacl.bindings", reason="PyNaCl is not importable")
    key, nonce = seed[:32], seed[32:]
    box = bindings.crypto_aead_chacha20poly1305_ietf_encrypt(data, ad, nonce, key)
    for backend in _backends("chacha20-poly1305"):
        assert ChaCha20Poly1305(key, backend=backend).decrypt(nonce, box, ad) == data
