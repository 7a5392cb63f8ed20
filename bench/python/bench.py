#!/usr/bin/env python3
"""nacre against the Python libraries a user would otherwise pick, in one run.

Peers (each one used when importable): pyca/cryptography, PyNaCl, and the standard library's
hashlib and hmac. Interpreter: Debian's /usr/bin/python3 (which has all three peers), with the
build tree's nacre on PYTHONPATH:

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python/bench.py --quick
    PYTHONPATH=build/release/python /usr/bin/python3 bench/python/bench.py --json out.json

Single-thread timings are timeit-style: a repeat runs N calls (N calibrated so a repeat lasts
about --target-ms), and the reported time per call is the median over --repeats repeats. The
repeats of the implementations compared in one table take turns, so that a slow spell of a shared
machine hits them all alike. Every
ratio is "peer time / nacre time": above 1 means nacre is faster. The targets printed at the end
are information, never assertions. See README.md next to this file.

Standard library only, plus whichever of nacre, cryptography and nacl import.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac as std_hmac
import json
import os
import platform
import resource
import statistics
import sys
import threading
import time
import timeit
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import nacre
import nacre.hash
import nacre.hmac

try:
    import cryptography
    from cryptography.hazmat.primitives import hashes as pyca_hashes
    from cryptography.hazmat.primitives import hmac as pyca_hmac
    from cryptography.hazmat.primitives.asymmetric import ed25519 as pyca_ed25519
    from cryptography.hazmat.primitives.asymmetric import x25519 as pyca_x25519
    from cryptography.hazmat.primitives.ciphers import aead as pyca_aead
except ImportError:  # pragma: no cover - depends on the interpreter
    cryptography = None  # type: ignore[assignment]

try:
    import nacl
    import nacl.bindings
    import nacl.encoding
    import nacl.hash
    import nacl.secret
    import nacl.signing
except ImportError:  # pragma: no cover - depends on the interpreter
    nacl = None  # type: ignore[assignment]

KIB = 1 << 10
MIB = 1 << 20
HASH_SIZES = (64, MIB)
AEAD_SIZES = (64, KIB, MIB)
MSG_SIZE = 64  # HMAC, Ed25519 messages
MODES = ("reused", "per-call")  # AEAD key object reused, or built for every call

#: Operation ids, in run order (``--only`` picks among them).
OPERATIONS = (
    "sha256",
    "blake2b",
    "hmac-sha256",
    "aead-encrypt",
    "aead-decrypt",
    "ed25519-sign",
    "ed25519-verify",
    "x25519",
)

NACRE_AEADS = ("aes-256-gcm", "chacha20-poly1305", "aegis-128l", "aegis-256")
THREAD_SIZE = MIB


# --- cases ------------------------------------------------------------------------------------


@dataclass
class Case:
    """One timed call: ``stmt`` runs in namespace ``ns`` and leaves its output in ``_r``."""

    op: str
    algorithm: str
    size: Optional[int]
    mode: Optional[str]
    impl: str  # "nacre", "c-abi" (nacre's C ABI called bare), "pyca", "pynacl", "hashlib", "hmac"
    api: str
    stmt: str
    ns: Dict[str, Any] = field(default_factory=dict)
    ref: bool = False  # nacre's drop-in row for this algorithm (what peer rows compare with)

    @property
    def is_nacre(self) -> bool:
        return self.impl == "nacre"

    def output(self) -> Any:
        ns = dict(self.ns)
        exec(self.stmt, ns)  # our own statements
        if self.impl == "c-abi":  # a status; the output is in the buffer
            if ns["_r"] != 0:
                raise AssertionError(f"{self.api}: status {ns['_r']}")
            return bytes(ns["ffi"].buffer(ns["o"], ns["out_len"]))
        return ns["_r"]


def _versions() -> Dict[str, Optional[str]]:
    return {
        "nacre": nacre.__version__,
        "cryptography": getattr(cryptography, "__version__", None) if cryptography else None,
        "pynacl": getattr(nacl, "__version__", None) if nacl else None,
        "openssl (hashlib)": __import__("ssl").OPENSSL_VERSION,
    }


def _hash_cases(op: str, data: bytes) -> List[Case]:
    name = op  # "sha256" or "blake2b" (64-byte digest)
    size = len(data)
    cases = [
        Case(op, name, size, None, "nacre", f"nacre.hash.{name}(d).digest()",
             "_r = H(d).digest()", {"H": getattr(nacre.hash, name), "d": data}, ref=True),
        Case(op, name, size, None, "nacre", f"nacre.hash.digest('{name}', d)",
             f"_r = D('{name}', d)", {"D": nacre.hash.digest, "d": data}),
        Case(op, name, size, None, "hashlib", f"hashlib.{name}(d).digest()",
             "_r = H(d).digest()", {"H": getattr(hashlib, name), "d": data}),
    ]
    if cryptography:
        algo = pyca_hashes.SHA256() if name == "sha256" else pyca_hashes.BLAKE2b(64)
        cases.append(Case(op, name, size, None, "pyca", "hashes.Hash(alg); update; finalize",
                          "h = Hash(A); h.update(d); _r = h.finalize()",
                          {"Hash": pyca_hashes.Hash, "A": algo, "d": data}))
    if nacl:
        raw = nacl.encoding.RawEncoder
        if name == "sha256":
            cases.append(Case(op, name, size, None, "pynacl", "nacl.hash.sha256(d, RawEncoder)",
                              "_r = H(d, encoder=E)", {"H": nacl.hash.sha256, "d": data, "E": raw}))
        else:
            cases.append(Case(op, name, size, None, "pynacl",
                              "nacl.hash.blake2b(d, 64, RawEncoder)",
                              "_r = H(d, digest_size=64, encoder=E)",
                              {"H": nacl.hash.blake2b, "d": data, "E": raw}))
    return cases


def _hmac_cases(key: bytes, msg: bytes) -> List[Case]:
    op, alg, size = "hmac-sha256", "hmac-sha256", len(msg)
    cases = [
        Case(op, alg, size, None, "nacre", "nacre.hmac.digest(k, m, 'sha256')",
             "_r = D(k, m, 'sha256')", {"D": nacre.hmac.digest, "k": key, "m": msg}, ref=True),
        Case(op, alg, size, None, "nacre", "nacre.hmac.new(k, m, 'sha256').digest()",
             "_r = N(k, m, 'sha256').digest()", {"N": nacre.hmac.new, "k": key, "m": msg}),
        Case(op, alg, size, None, "hmac", "hmac.digest(k, m, 'sha256')",
             "_r = D(k, m, 'sha256')", {"D": std_hmac.digest, "k": key, "m": msg}),
        Case(op, alg, size, None, "hmac", "hmac.new(k, m, 'sha256').digest()",
             "_r = N(k, m, 'sha256').digest()", {"N": std_hmac.new, "k": key, "m": msg}),
    ]
    if cryptography:
        cases.append(Case(op, alg, size, None, "pyca", "hmac.HMAC(k, SHA256()); update; finalize",
                          "h = HM(k, A); h.update(m); _r = h.finalize()",
                          {"HM": pyca_hmac.HMAC, "A": pyca_hashes.SHA256(), "k": key, "m": msg}))
    return cases


@dataclass
class _Aead:
    impl: str
    algorithm: str
    cls: Any  # a class built from a key (pyca shape), or None for PyNaCl's functions
    key_size: int
    nonce_size: int
    api: str
    ref: bool = False


OURS = ("nacre", "c-abi")


def _aead_impls() -> List[_Aead]:
    out = [
        _Aead("nacre", "aes-256-gcm", nacre.AESGCM, 32, 12, "nacre.AESGCM", ref=True),
        _Aead("nacre", "chacha20-poly1305", nacre.ChaCha20Poly1305, 32, 12,
              "nacre.ChaCha20Poly1305", ref=True),
        _Aead("nacre", "aegis-128l", nacre.AEGIS128L, 16, 16, "nacre.AEGIS128L", ref=True),
        _Aead("nacre", "aegis-256", nacre.AEGIS256, 32, 32, "nacre.AEGIS256", ref=True),
    ]
    if cryptography:
        out.append(_Aead("pyca", "aes-256-gcm", pyca_aead.AESGCM, 32, 12, "AESGCM"))
        out.append(_Aead("pyca", "chacha20-poly1305", pyca_aead.ChaCha20Poly1305, 32, 12,
                         "ChaCha20Poly1305"))
        # Further pyca AEADs a user might pick for speed: candidates for "fastest peer AEAD".
        for name, alg in (("AESOCB3", "aes-256-ocb3"), ("AESGCMSIV", "aes-256-gcm-siv")):
            cls = getattr(pyca_aead, name, None)
            if cls is None:
                continue
            try:
                cls(bytes(32)).encrypt(bytes(12), b"x", None)
            except Exception:  # not supported by this OpenSSL
                continue
            out.append(_Aead("pyca", alg, cls, 32, 12, name))
    if nacl:
        out.append(_Aead("pynacl", "chacha20-poly1305", None, 32, 12,
                         "bindings.crypto_aead_chacha20poly1305_ietf_*"))
        out.append(_Aead("pynacl", "xchacha20-poly1305", None, 32, 24,
                         "bindings.crypto_aead_xchacha20poly1305_ietf_*"))
        out.append(_Aead("pynacl", "xsalsa20-poly1305", nacl.secret.SecretBox, 32, 24,
                         "SecretBox"))
    return out


def _aead_cases(op: str, size: int, mode: str) -> List[Case]:
    data = os.urandom(size)
    encrypting = op == "aead-encrypt"
    cases = []
    for a in _aead_impls():
        key, nonce = os.urandom(a.key_size), os.urandom(a.nonce_size)
        ns: Dict[str, Any] = {"key": key, "n": nonce, "d": data}
        if a.impl == "pynacl" and a.cls is None:  # functions: no key object in either mode
            prefix = ("crypto_aead_chacha20poly1305_ietf_" if a.algorithm == "chacha20-poly1305"
                      else "crypto_aead_xchacha20poly1305_ietf_")
            enc = getattr(nacl.bindings, prefix + "encrypt")
            dec = getattr(nacl.bindings, prefix + "decrypt")
            ns.update(E=enc, D=dec, c=enc(data, None, nonce, key))
            stmt = "_r = E(d, None, n, key)" if encrypting else "_r = D(c, None, n, key)"
            api = a.api.replace("*", "encrypt" if encrypting else "decrypt")
        elif a.impl == "pynacl":  # SecretBox: nonce travels in front of the ciphertext
            box = a.cls(key)
            ns.update(C=a.cls, k=box, c=bytes(box.encrypt(data, nonce)))
            verb = "encrypt(d, n)" if encrypting else "decrypt(c)"
            if mode == "reused":
                stmt, api = f"_r = k.{verb}", f"{a.api}(key).{verb}, box reused"
            else:
                stmt, api = f"_r = C(key).{verb}", f"{a.api}(key).{verb}"
        else:
            obj = a.cls(key)
            ns.update(C=a.cls, k=obj, c=obj.encrypt(nonce, data, None))
            verb = "encrypt(n, d, None)" if encrypting else "decrypt(n, c, None)"
            if mode == "reused":
                stmt, api = f"_r = k.{verb}", f"{a.api}.{verb}, key reused"
            else:
                stmt, api = f"_r = C(key).{verb}", f"{a.api}(key).{verb}"
        cases.append(Case(op, a.algorithm, size, mode, a.impl, api, stmt, ns, ref=a.ref))
        if a.impl == "nacre" and mode == "reused":
            cases.append(_c_abi_case(op, a, size, ns["k"], data, nonce))
    return cases


def _c_abi_case(op: str, a: _Aead, size: int, key: Any, data: bytes, nonce: bytes) -> Case:
    """nacre's C ABI called bare through cffi, into an output buffer allocated once: the
    C-ABI throughput that the Python API's 1 MiB numbers are held to."""
    from nacre._nacre import ffi, lib

    encrypting = op == "aead-encrypt"
    handle = key._handle()
    tag = key.tag_size
    src = data if encrypting else key.encrypt(nonce, data, None)
    n = size + tag if encrypting else size
    fn = lib.nacre_aead_seal if encrypting else lib.nacre_aead_open
    ns = {"F": fn, "h": handle, "o": ffi.new("uint8_t[]", max(n, 1)), "L": ffi.new("size_t *"),
          "n": nonce, "s": src, "N": ffi.NULL, "d": data, "ffi": ffi, "out_len": n}
    stmt = f"_r = F(h, o, {n}, L, n, {len(nonce)}, s, {len(src)}, N, 0)"
    name = fn.__name__
    return Case(op, a.algorithm, size, "reused", "c-abi", f"{name}() into a buffer made once",
                stmt, ns)


def _ed25519_cases(op: str) -> List[Case]:
    seed, msg = os.urandom(32), os.urandom(MSG_SIZE)
    sk = nacre.Ed25519PrivateKey.from_raw(seed)
    sig = sk.sign(msg)
    alg = "ed25519"
    if op == "ed25519-sign":
        cases = [Case(op, alg, MSG_SIZE, None, "nacre", "Ed25519PrivateKey.sign(m)",
                      "_r = k.sign(m)", {"k": sk, "m": msg}, ref=True)]
        if cryptography:
            k = pyca_ed25519.Ed25519PrivateKey.from_private_bytes(seed)
            cases.append(Case(op, alg, MSG_SIZE, None, "pyca", "Ed25519PrivateKey.sign(m)",
                              "_r = k.sign(m)", {"k": k, "m": msg}))
        if nacl:
            k = nacl.signing.SigningKey(seed)
            cases.append(Case(op, alg, MSG_SIZE, None, "pynacl", "SigningKey.sign(m).signature",
                              "_r = k.sign(m).signature", {"k": k, "m": msg}))
        return cases
    pub = sk.public_key()
    raw_pub = pub.to_raw()
    cases = [Case(op, alg, MSG_SIZE, None, "nacre", "Ed25519PublicKey.verify(s, m)",
                  "_r = k.verify(s, m)", {"k": pub, "m": msg, "s": sig}, ref=True)]
    if cryptography:
        k = pyca_ed25519.Ed25519PublicKey.from_public_bytes(raw_pub)
        cases.append(Case(op, alg, MSG_SIZE, None, "pyca", "Ed25519PublicKey.verify(s, m)",
                          "_r = k.verify(s, m)", {"k": k, "m": msg, "s": sig}))
    if nacl:
        k = nacl.signing.VerifyKey(raw_pub)
        # PyNaCl returns the message on success; the others None.
        cases.append(Case(op, alg, MSG_SIZE, None, "pynacl", "VerifyKey.verify(m, s)",
                          "k.verify(m, s); _r = None", {"k": k, "m": msg, "s": sig}))
    return cases


def _x25519_cases() -> List[Case]:
    op = alg = "x25519"
    a, b = os.urandom(32), nacre.X25519PrivateKey.generate()
    sk, peer = nacre.X25519PrivateKey.from_raw(a), b.public_key()
    raw_peer = peer.to_raw()
    cases = [Case(op, alg, None, None, "nacre", "X25519PrivateKey.exchange(pub)",
                  "_r = k.exchange(p)", {"k": sk, "p": peer}, ref=True)]
    if cryptography:
        cases.append(Case(op, alg, None, None, "pyca", "X25519PrivateKey.exchange(pub)",
                          "_r = k.exchange(p)",
                          {"k": pyca_x25519.X25519PrivateKey.from_private_bytes(a),
                           "p": pyca_x25519.X25519PublicKey.from_public_bytes(raw_peer)}))
    if nacl:
        cases.append(Case(op, alg, None, None, "pynacl", "bindings.crypto_scalarmult(sk, pk)",
                          "_r = S(k, p)",
                          {"S": nacl.bindings.crypto_scalarmult, "k": a, "p": raw_peer}))
    return cases


def build_cases(only: Optional[Sequence[str]] = None,
                aead_sizes: Sequence[int] = AEAD_SIZES,
                hash_sizes: Sequence[int] = HASH_SIZES,
                modes: Sequence[str] = MODES) -> List[Case]:
    """Every case of the operations in ``only`` (None: all of :data:`OPERATIONS`)."""
    ops = list(only or OPERATIONS)
    unknown = [o for o in ops if o not in OPERATIONS]
    if unknown:
        raise ValueError(f"unknown operation(s) {unknown}; choose from {list(OPERATIONS)}")
    cases: List[Case] = []
    for op in OPERATIONS:
        if op not in ops:
            continue
        if op in ("sha256", "blake2b"):
            for size in hash_sizes:
                cases += _hash_cases(op, os.urandom(size))
        elif op == "hmac-sha256":
            cases += _hmac_cases(os.urandom(32), os.urandom(MSG_SIZE))
        elif op.startswith("aead-"):
            for size in aead_sizes:
                for mode in modes:
                    cases += _aead_cases(op, size, mode)
        elif op.startswith("ed25519-"):
            cases += _ed25519_cases(op)
        else:
            cases += _x25519_cases()
    return cases


def check_outputs(cases: Sequence[Case]) -> None:
    """Every implementation of one algorithm, operation and size must give the same output
    (digests, ciphertexts, plaintexts, tags, signatures, shared secrets): a benchmark of a
    wrong call is worthless. Raises AssertionError on a mismatch."""
    seen: Dict[Tuple[Any, ...], Tuple[str, Any]] = {}
    for c in cases:
        out = c.output()
        if isinstance(out, (bytearray, memoryview)) or type(out).__name__ == "EncryptedMessage":
            out = bytes(out)
        # AEAD outputs depend on each row's own random key: compare decryptions only.
        if c.op == "aead-encrypt":
            continue
        k = (c.op, c.algorithm, c.size, c.mode) if c.op != "aead-decrypt" else (c.op, c.size)
        if c.op == "aead-decrypt":
            out = out == c.ns["d"]
            if not out:
                raise AssertionError(f"{c.impl} {c.algorithm} decrypt gave the wrong plaintext")
            continue
        if k in seen and seen[k][1] != out:
            raise AssertionError(f"{c.op} {c.algorithm}: {c.impl} ({c.api}) differs from "
                                 f"{seen[k][0]}")
        seen.setdefault(k, (f"{c.impl} ({c.api})", out))


# --- malloc ---------------------------------------------------------------------------------


def fix_malloc() -> bool:
    """Pin glibc's malloc thresholds for this process (irreversible): 1 MiB buffers then come
    from the heap and are not given back to the kernel, so no call pays page faults for them.

    With glibc's defaults the thresholds adapt to earlier frees, and whether a 1 MiB call
    faults in fresh pages depends on what ran before and on how many such buffers a call
    allocates and frees (see ``faults_per_call``). Returns whether mallopt accepted both."""
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    return bool(mallopt(m_mmap_threshold, 32 << 20)) and bool(
        mallopt(m_trim_threshold, 256 << 20))


# --- timing -----------------------------------------------------------------------------------


def _calibrate(timer: timeit.Timer, target_seconds: float) -> int:
    """N calls such that one repeat of N lasts about ``target_seconds``."""
    n = 1
    while True:
        elapsed = timer.timeit(n)
        if elapsed >= target_seconds * 0.9 or n >= 10**8:
            return n
        grow = target_seconds / elapsed if elapsed > 0 else 10.0
        n = max(n + 1, min(n * 10, int(n * grow * 1.05)))


def time_group(cases: Sequence[Case], repeats: int, target_seconds: float) -> List[Dict[str, Any]]:
    """timeit-style, for cases that are compared with each other: each case's N calls are
    calibrated to last about ``target_seconds``; then the repeats take turns (repeat 1 of every
    case, then repeat 2, ...), so a slow spell of a shared machine hits all of them alike. The
    median per-call time over ``repeats`` is each case's result."""
    timers = [timeit.Timer(c.stmt, globals=dict(c.ns)) for c in cases]
    counts = [_calibrate(t, target_seconds) for t in timers]
    per_call: List[List[float]] = [[] for _ in cases]
    faults = [0] * len(cases)
    for _ in range(repeats):
        for i, (t, n) in enumerate(zip(timers, counts)):
            f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            per_call[i].append(t.timeit(n) / n)
            faults[i] += resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0
    results = []
    for c, n, times, flt in zip(cases, counts, per_call, faults):
        median = statistics.median(times)
        results.append({
            "op": c.op,
            "algorithm": c.algorithm,
            "size": c.size,
            "mode": c.mode,
            "impl": c.impl,
            "api": c.api,
            "ref": c.ref,
            "calls_per_repeat": n,
            "repeats_s": times,
            "time_s": median,
            "mb_per_s": (c.size / median / 1e6) if c.size and c.op not in
            ("ed25519-sign", "ed25519-verify") else None,
            "faults_per_call": flt / (repeats * n),
            "ratio": None,
            "vs": None,
        })
    return results


def _group_key(r: Dict[str, Any]) -> Tuple[Any, ...]:
    return (r["op"], r["size"], r["mode"])


def add_ratios(results: List[Dict[str, Any]]) -> None:
    """Fill ``ratio`` (peer time / nacre time: >1 means nacre faster) and ``vs``.

    A peer row is compared with nacre's drop-in row for the same algorithm; a nacre row with the
    fastest peer of the same algorithm, or for AEADs that no peer has (AEGIS) with the fastest
    peer AEAD of any algorithm at that size and mode.
    """
    groups: Dict[Tuple[Any, ...], List[Dict[str, Any]]] = {}
    for r in results:
        groups.setdefault(_group_key(r), []).append(r)
    for rows in groups.values():
        peers = [r for r in rows if r["impl"] not in OURS]
        for r in rows:
            if r["impl"] == "c-abi":  # Python's share of the C ABI's throughput
                py = [x for x in rows if x["ref"] and x["algorithm"] == r["algorithm"]]
                if py:
                    r["ratio"] = r["time_s"] / py[0]["time_s"]
                    r["vs"] = "nacre* (ratio = C ABI time / Python time)"
                continue
            if r["impl"] != "nacre":
                ref = [x for x in rows if x["ref"] and x["algorithm"] == r["algorithm"]]
                if ref:
                    r["ratio"] = r["time_s"] / ref[0]["time_s"]
                    r["vs"] = "nacre*"
                continue
            same = [p for p in peers if p["algorithm"] == r["algorithm"]]
            pool = same or (peers if r["op"].startswith("aead-") else [])
            if pool:
                best = min(pool, key=lambda p: p["time_s"])
                r["ratio"] = best["time_s"] / r["time_s"]
                r["vs"] = f"{best['impl']} {best['algorithm']}" + (
                    "" if same else " (fastest peer AEAD)")


# --- threads ----------------------------------------------------------------------------------


def _aggregate_mb_per_s(fn: Callable[[], Any], size: int, threads: int, calls: int) -> float:
    barrier = threading.Barrier(threads + 1)

    def work() -> None:
        barrier.wait()
        r = None
        for _ in range(calls):
            r = fn()  # kept until the next call, as in the single-thread statements
        del r

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for t in pool:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - t0
    return threads * calls * size / elapsed / 1e6


def thread_scaling(size: int = THREAD_SIZE, repeats: int = 5, seconds: float = 0.2,
                   calls: Optional[int] = None) -> List[Dict[str, Any]]:
    """Aggregate AEAD encryption throughput (MB/s) of 1 and 2 threads sharing one key object,
    for nacre and pyca: each thread runs ``calls`` encryptions of ``size`` bytes (calibrated to
    about ``seconds`` on one thread), median over ``repeats``."""
    data = os.urandom(size)
    subjects: List[Tuple[str, str, Any, int, int]] = [
        ("nacre", "aes-256-gcm", nacre.AESGCM, 32, 12),
        ("nacre", "aegis-128l", nacre.AEGIS128L, 16, 16),
    ]
    if cryptography:
        subjects.append(("pyca", "aes-256-gcm", pyca_aead.AESGCM, 32, 12))
    out = []
    for impl, alg, cls, key_size, nonce_size in subjects:
        k, nonce = cls(os.urandom(key_size)), os.urandom(nonce_size)

        def fn(k: Any = k, nonce: bytes = nonce) -> Any:
            return k.encrypt(nonce, data, None)

        n = calls
        if n is None:
            t0 = time.perf_counter()
            fn()
            fn()
            n = max(1, int(seconds / ((time.perf_counter() - t0) / 2)))
        one = statistics.median(_aggregate_mb_per_s(fn, size, 1, n) for _ in range(repeats))
        two = statistics.median(_aggregate_mb_per_s(fn, size, 2, n) for _ in range(repeats))
        out.append({"impl": impl, "algorithm": alg, "size": size, "calls_per_thread": n,
                    "mb_per_s_1": one, "mb_per_s_2": two, "ratio": two / one})
    return out


# --- targets ----------------------------------------------------------------------------------


def _find(results: List[Dict[str, Any]], **want: Any) -> List[Dict[str, Any]]:
    return [r for r in results if all(r.get(k) == v for k, v in want.items())]


def _target(name: str, value: Optional[float], threshold: float, detail: str) -> Dict[str, Any]:
    met = None if value is None else value >= threshold
    return {"name": name, "met": met, "value": value, "threshold": threshold, "detail": detail}


def evaluate_targets(results: List[Dict[str, Any]],
                     threads: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The issue's targets, as information. ``value`` is a ratio (>= ``threshold`` is MET);
    ``met`` is None where this run lacks what the target needs (a peer or an operation)."""
    out = []

    def us(r: Dict[str, Any]) -> str:
        return f"{r['time_s'] * 1e6:.3g} us"

    # 64-byte AEAD encrypt and SHA-256 at or below the fastest peer (same algorithm).
    for alg in ("aes-256-gcm", "chacha20-poly1305"):
        for mode in MODES:
            rows = _find(results, op="aead-encrypt", size=64, mode=mode, algorithm=alg)
            ours = [r for r in rows if r["ref"]]
            peers = [r for r in rows if r["impl"] not in OURS]
            name = f"64 B {alg} encrypt (key {mode}) at or below the fastest peer"
            if ours and peers:
                best = min(peers, key=lambda r: r["time_s"])
                out.append(_target(name, best["time_s"] / ours[0]["time_s"], 1.0,
                                   f"nacre {us(ours[0])}, {best['impl']} {us(best)}"))
            else:
                out.append(_target(name, None, 1.0, "not measured in this run"))
    rows = _find(results, op="sha256", size=64)
    ours = [r for r in rows if r["ref"]]
    peers = [r for r in rows if r["impl"] not in OURS]
    name = "64 B SHA-256 at or below the fastest peer"
    if ours and peers:
        best = min(peers, key=lambda r: r["time_s"])
        oneshot = [r for r in rows if r["impl"] == "nacre" and not r["ref"]]
        extra = f"; nacre.hash.digest {us(oneshot[0])}" if oneshot else ""
        out.append(_target(name, best["time_s"] / ours[0]["time_s"], 1.0,
                           f"nacre {ours[0]['api']} {us(ours[0])}, {best['impl']} "
                           f"{us(best)}{extra}"))
    else:
        out.append(_target(name, None, 1.0, "not measured in this run"))
    # >= 3x faster than PyNaCl on 64-byte AEAD (the algorithm both have).
    for mode in MODES:
        rows = _find(results, op="aead-encrypt", size=64, mode=mode,
                     algorithm="chacha20-poly1305")
        ours = [r for r in rows if r["ref"]]
        theirs = [r for r in rows if r["impl"] == "pynacl"]
        name = f"64 B chacha20-poly1305 encrypt (nacre key {mode}) >= 3x faster than PyNaCl"
        if ours and theirs:
            out.append(_target(name, theirs[0]["time_s"] / ours[0]["time_s"], 3.0,
                               f"nacre {us(ours[0])}, pynacl {us(theirs[0])}"))
        else:
            out.append(_target(name, None, 3.0, "not measured in this run"))
    # 1 MiB: nacre's fastest AEAD >= 1.5x the fastest peer AEAD (throughput).
    for op in ("aead-encrypt", "aead-decrypt"):
        rows = _find(results, op=op, size=MIB, mode="reused")
        ours = [r for r in rows if r["impl"] == "nacre"]
        peers = [r for r in rows if r["impl"] not in OURS]
        name = f"1 MiB {op[5:]}: nacre's fastest AEAD >= 1.5x the fastest peer AEAD"
        if ours and peers:
            a = min(ours, key=lambda r: r["time_s"])
            b = min(peers, key=lambda r: r["time_s"])
            out.append(_target(name, b["time_s"] / a["time_s"], 1.5,
                               f"nacre {a['algorithm']} {a['mb_per_s']:.0f} MB/s, "
                               f"{b['impl']} {b['algorithm']} {b['mb_per_s']:.0f} MB/s"))
        else:
            out.append(_target(name, None, 1.5, "not measured in this run"))
    # Python 1 MiB throughput >= 95% of the C ABI's, per algorithm.
    for op in ("aead-encrypt", "aead-decrypt"):
        for r in _find(results, op=op, size=MIB, mode="reused", impl="c-abi"):
            name = f"1 MiB {r['algorithm']} {op[5:]}: Python >= 95% of the C ABI's throughput"
            py = [x for x in results if x["ref"] and x["op"] == op and x["size"] == MIB
                  and x["mode"] == "reused" and x["algorithm"] == r["algorithm"]]
            if py:
                out.append(_target(name, r["time_s"] / py[0]["time_s"], 0.95,
                                   f"C ABI {r['mb_per_s']:.0f} MB/s, Python "
                                   f"{py[0]['mb_per_s']:.0f} MB/s"))
    # 2 threads >= 1.8x one thread (nacre; pyca shown in the thread table).
    for t in threads:
        if t["impl"] != "nacre":
            continue
        out.append(_target(f"1 MiB {t['algorithm']}: 2 threads >= 1.8x one thread (nacre)",
                           t["ratio"], 1.8,
                           f"{t['mb_per_s_1']:.0f} -> {t['mb_per_s_2']:.0f} MB/s, "
                           f"{os.cpu_count()} CPUs"))
    if not threads:
        out.append(_target("2 threads >= 1.8x one thread (nacre)", None, 1.8,
                           "not measured in this run"))
    return out


# --- running and printing ---------------------------------------------------------------------


def _size_label(size: Optional[int]) -> str:
    if size is None:
        return "-"
    if size >= MIB and size % MIB == 0:
        return f"{size // MIB} MiB"
    if size >= KIB and size % KIB == 0:
        return f"{size // KIB} KiB"
    return f"{size} B"


def _time_label(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} us"


def format_table(results: List[Dict[str, Any]]) -> str:
    lines = []
    head = f"  {'impl':<8} {'algorithm':<19} {'time/call':>10} {'MB/s':>9} {'ratio':>6}  " \
           f"{'flt/call':>8}  {'vs':<46} api"
    last = None
    for r in results:
        g = _group_key(r)
        if g != last:
            title = r["op"] + (", " + _size_label(r["size"]) if r["size"] else "")
            if r["mode"]:
                title += ", key " + ("object reused" if r["mode"] == "reused"
                                     else "object built per call")
            lines += ["", f"== {title} ==", head]
            last = g
        mbs = f"{r['mb_per_s']:.1f}" if r["mb_per_s"] is not None else "-"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        impl = r["impl"] + ("*" if r["ref"] else "")
        lines.append(f"  {impl:<8} {r['algorithm']:<19} {_time_label(r['time_s']):>10} "
                     f"{mbs:>9} {ratio:>6}  {r['faults_per_call']:>8.1f}  "
                     f"{(r['vs'] or ''):<46} {r['api']}")
    return "\n".join(lines)


def format_threads(threads: List[Dict[str, Any]]) -> str:
    if not threads:
        return ""
    lines = ["", f"== threads: aggregate AEAD encrypt throughput, one shared key object "
                 f"({os.cpu_count()} CPUs) ==",
             f"  {'impl':<8} {'algorithm':<19} {'size':>7} {'1 thread':>12} {'2 threads':>12} "
             f"{'2/1':>6}"]
    for t in threads:
        lines.append(f"  {t['impl']:<8} {t['algorithm']:<19} {_size_label(t['size']):>7} "
                     f"{t['mb_per_s_1']:>7.0f} MB/s {t['mb_per_s_2']:>7.0f} MB/s "
                     f"{t['ratio']:>6.2f}")
    return "\n".join(lines)


def format_targets(targets: List[Dict[str, Any]]) -> str:
    lines = ["", "== targets (information, not assertions; ratio >= threshold is MET) =="]
    for t in targets:
        status = {True: "MET", False: "MISSED", None: "N/A"}[t["met"]]
        value = f"{t['value']:.2f}" if t["value"] is not None else "-"
        lines.append(f"  {status:<6} {t['name']}: {value} (need >= {t['threshold']:g}); "
                     f"{t['detail']}")
    return "\n".join(lines)


def run(only: Optional[Sequence[str]] = None, repeats: int = 7, target_seconds: float = 0.02,
        threads: bool = True, thread_repeats: int = 5, thread_seconds: float = 0.2,
        thread_size: int = THREAD_SIZE, thread_calls: Optional[int] = None,
        aead_sizes: Sequence[int] = AEAD_SIZES, hash_sizes: Sequence[int] = HASH_SIZES,
        malloc: str = "default",
        progress: Optional[Callable[[str], None]] = None) -> Dict[str, Any]:
    """Run the benchmarks and return the report (what ``--json`` writes). ``malloc="fixed"``
    calls :func:`fix_malloc` first (for the rest of the process)."""
    if malloc not in ("default", "fixed"):
        raise ValueError("malloc must be 'default' or 'fixed'")
    if malloc == "fixed" and not fix_malloc():
        malloc = "default (mallopt refused)"
    cases = build_cases(only, aead_sizes=aead_sizes, hash_sizes=hash_sizes)
    check_outputs(cases)
    groups: Dict[Tuple[Any, ...], List[Case]] = {}
    for c in cases:
        groups.setdefault((c.op, c.size, c.mode), []).append(c)
    results = []
    for i, group in enumerate(groups.values()):
        if progress:
            c = group[0]
            progress(f"[{i + 1}/{len(groups)}] {c.op} {_size_label(c.size)} {c.mode or ''} "
                     f"({len(group)} implementations)")
        results.extend(time_group(group, repeats, target_seconds))
    add_ratios(results)
    thread_results = (thread_scaling(thread_size, thread_repeats, thread_seconds, thread_calls)
                      if threads else [])
    return {
        "meta": {
            "python": sys.version,
            "executable": sys.executable,
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "versions": _versions(),
            "repeats": repeats,
            "target_seconds_per_repeat": target_seconds,
            "malloc": malloc,
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "ratio": "peer time / nacre time; > 1 means nacre is faster",
        },
        "results": results,
        "threads": thread_results,
        "targets": evaluate_targets(results, thread_results),
    }


def report_text(report: Dict[str, Any]) -> str:
    m = report["meta"]
    v = ", ".join(f"{k} {val}" for k, val in m["versions"].items() if val)
    head = (f"nacre Python benchmarks: Python {m['python'].split()[0]} ({m['executable']}), "
            f"{m['cpu_count']} CPUs; {v}\nmedian of {m['repeats']} repeats, "
            f"~{m['target_seconds_per_repeat'] * 1e3:g} ms each; malloc {m['malloc']}; "
            f"ratio = peer time / nacre time (> 1: nacre faster)")
    return "\n".join([head, format_table(report["results"]), format_threads(report["threads"]),
                      format_targets(report["targets"])])


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="3 repeats of ~5 ms, shorter thread runs (for checking, not for numbers)")
    p.add_argument("--repeats", type=int, help="repeats per case (default 7; --quick 3)")
    p.add_argument("--target-ms", type=float, help="length of one repeat (default 20; --quick 5)")
    p.add_argument("--only", help="comma-separated operations: " + ",".join(OPERATIONS))
    p.add_argument("--malloc", choices=("default", "fixed"), default="default",
                   help="fixed: pin glibc's malloc thresholds, so 1 MiB outputs never page-fault "
                        "(steadier numbers); default: what a user's process does")
    p.add_argument("--no-threads", action="store_true", help="skip the 1-vs-2-thread runs")
    p.add_argument("--json", metavar="PATH", help="also write the report as JSON")
    p.add_argument("--verbose", "-v", action="store_true", help="progress on stderr")
    args = p.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 7)
    target_ms = args.target_ms or (5.0 if args.quick else 20.0)
    only = [o.strip() for o in args.only.split(",")] if args.only else None
    if only:
        bad = [o for o in only if o not in OPERATIONS]
        if bad:
            p.error(f"unknown operation(s) {bad}; choose from {', '.join(OPERATIONS)}")
    report = run(
        only=only, repeats=repeats, target_seconds=target_ms / 1e3,
        threads=not args.no_threads,
        thread_repeats=3 if args.quick else 5,
        thread_seconds=0.05 if args.quick else 0.2,
        malloc=args.malloc,
        progress=(lambda s: print(s, file=sys.stderr)) if args.verbose else None,
    )
    print(report_text(report))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
