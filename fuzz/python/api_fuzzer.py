"""Coverage-guided fuzzing of nacre's public Python API with atheris.

Each input picks a public callable (a module function, a class, or a method of a live object)
and arguments of random types and values: bytes, bytearray, memoryviews (contiguous,
non-contiguous, read-only, released), str, ints at the edges, None, floats, other nacre objects.
A call may fail only with what the API documents (TypeError, ValueError, OverflowError,
MemoryError, nacre.Error); anything else, or a crash, is a finding. Every failure is kept in a
reference cycle (exception -> traceback -> frame -> exception) and the collector runs often: the
pattern that once crashed CPython when a failing call still held a view of a memoryview.

    fuzz/python/run [--seconds N]       # builds nothing: uses build/release/python and .deps
    python fuzz/python/api_fuzzer.py -max_total_time=60   # PYTHONPATH=<build>/python

Costly parameters (Argon2/scrypt costs, RSA sizes, output lengths) get small values only, so a
run measures robustness, not patience.
"""

from __future__ import annotations

import array
import enum
import gc
import inspect
import os
import sys
from typing import Any, Callable, List, Tuple

import atheris

with atheris.instrument_imports(include=["nacre"]):
    import nacre
    import nacre.aead
    import nacre.age
    import nacre.box
    import nacre.encoding
    import nacre.hash
    import nacre.hmac
    import nacre.hpke
    import nacre.kdf
    import nacre.kem
    import nacre.keys
    import nacre.minisign
    import nacre.nacl.public
    import nacre.nacl.secret
    import nacre.nacl.signing
    import nacre.nacl.utils
    import nacre.pwhash
    import nacre.secret
    import nacre.secretstream

# What a public call may raise for bad arguments (nacre.Error covers the library's refusals).
DOCUMENTED = (TypeError, ValueError, OverflowError, MemoryError, nacre.Error)
# Parameters whose large values cost time or memory by design: small values only.
COSTLY = {
    "opslimit", "memlimit", "n", "r", "p", "maxmem", "iterations", "bits", "key_size",
    "length", "dklen", "digest_size", "size", "public_exponent", "bit_length", "chunk_size",
}
# Never called: they block on their argument or are slow by design at any valid value.
SKIP = {"RSAPrivateKey.generate", "hash_password", "verify_password", "derive_key",
        "needs_rehash", "EncryptingWriter", "DecryptingReader",
        "save"}  # minisign.SecretKey.save: scrypt at minisign's cost (1 GiB) by default
NAMES = [
    "sha256", "sha512", "sha3_256", "shake_128", "blake2b", "sha224", "md5", "SHA-256",
    "aes-256-gcm", "p256", "p384", "x25519", "argon2id", "scrypt", "interactive", "automatic",
    "boringssl", "sodium", "", "\0", "x" * 300,
]
SIZES = [0, 1, 12, 16, 24, 28, 32, 33, 48, 64, 65, 97, 1088, 1184, 2400]
HUGE = [2**63 - 1, 2**63, 2**64, 2**64 + 1, 2**128]
INTS = [0, 1, 2, -1, 16, 32, 64, 255, 256, 2**31, 2**32, 2**63 - 1, 2**64, -(2**63)]


def _receivers() -> List[Tuple[str, Any]]:
    """Live objects whose public methods the fuzzer calls."""
    k = nacre.secretstream.generate_key()
    enc = nacre.secretstream.Encryptor(k)
    identity = nacre.age.Identity.generate()
    objs: List[Tuple[str, Any]] = [
        ("AESGCM", nacre.aead.AESGCM(bytes(32))),
        ("ChaCha20Poly1305", nacre.aead.ChaCha20Poly1305(bytes(32))),
        ("XChaCha20Poly1305", nacre.aead.XChaCha20Poly1305(bytes(32))),
        ("AEGIS256", nacre.aead.AEGIS256(bytes(32))),
        ("Hash", nacre.hash.sha256()),
        ("Xof", nacre.hash.shake_128()),
        ("HMAC", nacre.hmac.new(b"key", digestmod="sha256")),
        ("Encryptor", enc),
        ("Decryptor", nacre.secretstream.Decryptor(k, enc.header)),
        ("age.Identity", identity),
        ("age.Recipient", identity.to_public()),
        ("age.Encryptor", nacre.age.Encryptor([identity.to_public()])),
        ("age.Decryptor", nacre.age.Decryptor([identity])),
        ("minisign.SecretKey", nacre.minisign.SecretKey.generate()),
    ]
    for cls in (nacre.keys.X25519PrivateKey, nacre.keys.Ed25519PrivateKey,
                nacre.keys.MLKEM768PrivateKey, nacre.keys.XWingPrivateKey):
        key = cls.generate()
        objs += [(cls.__name__, key), (type(key.public_key()).__name__, key.public_key())]
    ec = nacre.keys.ECPrivateKey.generate("p256")
    objs += [("ECPrivateKey", ec), ("ECPublicKey", ec.public_key())]
    x = nacre.keys.X25519PrivateKey.generate()
    objs.append(("Box", nacre.box.Box(x, x.public_key())))
    objs.append(("SecretBox", nacre.secret.SecretBox(bytes(32))))
    pair = nacre.nacl.public.PrivateKey.generate()
    signer = nacre.nacl.signing.SigningKey.generate()
    objs += [
        ("nacl.SecretBox", nacre.nacl.secret.SecretBox(bytes(32))),
        ("nacl.Aead", nacre.nacl.secret.Aead(bytes(32))),
        ("nacl.PrivateKey", pair),
        ("nacl.Box", nacre.nacl.public.Box(pair, pair.public_key)),
        ("nacl.SealedBox", nacre.nacl.public.SealedBox(pair)),
        ("nacl.SigningKey", signer),
        ("nacl.VerifyKey", signer.verify_key),
    ]
    return objs


def _targets() -> List[Tuple[str, Callable[..., Any]]]:
    found: List[Tuple[str, Callable[..., Any]]] = []
    # nacre.age.passphrase is left out: scrypt at its default work factor is slow by design.
    modules = (nacre, nacre.aead, nacre.age, nacre.minisign, nacre.box, nacre.hash, nacre.hmac,
               nacre.hpke, nacre.kdf, nacre.kem, nacre.keys, nacre.pwhash, nacre.secretstream,
               nacre.secret,
               nacre.encoding, nacre.nacl.public, nacre.nacl.secret, nacre.nacl.signing,
               nacre.nacl.utils)
    for mod in modules:
        for name in getattr(mod, "__all__", ()):
            obj = getattr(mod, name)
            # Exceptions, enums and bytes subclasses (EncryptedMessage, SignedMessage) are
            # constructed by Python's own machinery (an enum called with two arguments is enum's
            # functional API; EncryptedMessage(2**32) is bytes(2**32), 4 GiB of zeros), not by
            # nacre code.
            if callable(obj) and name not in SKIP and not (
                isinstance(obj, type) and issubclass(obj, (BaseException, enum.Enum, bytes))
            ):
                found.append((name, obj))
            if isinstance(obj, type):  # alternative constructors: from_raw, load_pem, ...
                for attr, member in vars(obj).items():
                    if isinstance(member, classmethod) and not attr.startswith("_"):
                        qual = f"{name}.{attr}"
                        if qual not in SKIP:
                            found.append((qual, getattr(obj, attr)))
    for owner, obj in _receivers():
        for attr in dir(obj):
            if attr.startswith("_") or f"{owner}.{attr}" in SKIP:
                continue
            member = getattr(obj, attr, None)
            if inspect.ismethod(member) or inspect.isbuiltin(member):
                found.append((f"{owner}.{attr}", member))
    found.sort(key=lambda t: t[0])
    return found


TARGETS = _targets()
POOL = [obj for _, obj in _receivers()]


def _bytes(fdp: atheris.FuzzedDataProvider) -> bytes:
    n = SIZES[fdp.ConsumeIntInRange(0, len(SIZES) - 1)] if fdp.ConsumeBool() else \
        fdp.ConsumeIntInRange(0, 80)
    data = fdp.ConsumeBytes(n)
    return data + bytes(n - len(data))


def _value(fdp: atheris.FuzzedDataProvider, costly: bool, depth: int = 0) -> Any:
    if costly:
        kind = fdp.ConsumeIntInRange(0, 4)
        if kind == 0:
            return fdp.ConsumeIntInRange(-2, 64)
        if kind == 1:
            return str(fdp.ConsumeIntInRange(0, 64))
        if kind == 2:
            return None
        if kind == 3:
            return float(fdp.ConsumeIntInRange(0, 64))
        # Beyond every cap, or negative; never a large valid size (a real 2 GiB request is not
        # a bug, only slow).
        return HUGE[fdp.ConsumeIntInRange(0, len(HUGE) - 1)] * (-1 if fdp.ConsumeBool() else 1)
    kind = fdp.ConsumeIntInRange(0, 15)
    if kind == 0:
        return _bytes(fdp)
    if kind == 1:
        return bytearray(_bytes(fdp))
    if kind == 2:
        return memoryview(bytearray(_bytes(fdp)))
    if kind == 3:
        return memoryview(bytearray(_bytes(fdp) * 2))[::2]  # non-contiguous
    if kind == 4:
        view = memoryview(bytearray(_bytes(fdp)))
        view.release()
        return view
    if kind == 5:
        return memoryview(_bytes(fdp))  # read-only
    if kind == 6:
        return fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40))
    if kind == 7:
        return fdp.ConsumeIntInRange(-4, 300)
    if kind == 8:
        return INTS[fdp.ConsumeIntInRange(0, len(INTS) - 1)]
    if kind == 9:
        return None
    if kind == 10:
        return fdp.ConsumeFloat()
    if kind == 11:
        return fdp.ConsumeBool()
    if kind == 12:
        return NAMES[fdp.ConsumeIntInRange(0, len(NAMES) - 1)]
    if kind == 13:
        return POOL[fdp.ConsumeIntInRange(0, len(POOL) - 1)]
    if kind == 14 and depth < 2:
        return [_value(fdp, False, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    return array.array("I", [fdp.ConsumeIntInRange(0, 2**32 - 1) for _ in range(4)])


def _arguments(fdp: atheris.FuzzedDataProvider, fn: Callable[..., Any]) -> Tuple[list, dict]:
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        params = []
    args: list = []
    kwargs: dict = {}
    for p in params:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is not p.empty and fdp.ConsumeIntInRange(0, 2) == 0:
            continue  # leave an optional parameter at its default
        value = _value(fdp, p.name in COSTLY)
        if p.kind == p.KEYWORD_ONLY:
            kwargs[p.name] = value
        else:
            args.append(value)
    if fdp.ConsumeIntInRange(0, 15) == 0:
        args.append(_value(fdp, False))  # one too many
    return args, kwargs


def _attempt(fn: Callable[..., Any], args: list, kwargs: dict) -> None:
    try:
        fn(*args, **kwargs)
    except DOCUMENTED as exc:
        err = exc  # err -> exc -> traceback -> this frame -> err: only the collector frees it
        assert err is not None


COUNT = 0
SHOW = os.environ.get("NACRE_FUZZ_SHOW") == "1"


def test_one_input(data: bytes) -> None:
    global COUNT
    fdp = atheris.FuzzedDataProvider(data)
    name, fn = TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)]
    args, kwargs = _arguments(fdp, fn)
    if SHOW:  # replaying a finding: say what it calls
        print(f"{name}(*{args!r:.300}, **{kwargs!r:.300})", file=sys.stderr, flush=True)
    _attempt(fn, args, kwargs)
    COUNT += 1
    if COUNT % 64 == 0:
        gc.collect()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
