"""Every public API of nacre, with its types: a tour that `mypy --strict` checks and that runs.

Each section uses one module (hashes, HMAC, AEAD, streams, KDFs, password hashing, keys, boxes,
HPKE, KEMs, errors), checks what it computes (round trips, known answers, Python's own hashlib
and hmac) and prints one line. Annotations are written out where a type is worth seeing; mypy
infers the rest. Run it: python3 examples/python/typed_api.py
"""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import io
from typing import Callable, FrozenSet, List, Tuple, Type, Union

import nacre
import nacre.aead
import nacre.box
import nacre.exceptions
import nacre.hash
import nacre.hmac
import nacre.hpke
import nacre.kdf
import nacre.kem
import nacre.keys
import nacre.keywrap
import nacre.pwhash
import nacre.secret
import nacre.secretstream as ss
from nacre import age, encoding, minisign
from nacre.aead import AEGIS128L, AEGIS256, AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305
from nacre.age import passphrase
from nacre.hash import Hash, Xof
from nacre.hpke import ReceiverContext, SenderContext, Suite
from nacre.keys import (
    ECPrivateKey,
    ECPublicKey,
    Ed25519PrivateKey,
    Ed25519PublicKey,
    MLKEM768PrivateKey,
    MLKEM768PublicKey,
    PrivateKey,
    PublicKey,
    RSAPrivateKey,
    RSAPublicKey,
    X25519PrivateKey,
    X25519PublicKey,
    XWingPrivateKey,
    XWingPublicKey,
)
from nacre.nacl import encoding as nacl_encoding
from nacre.nacl import exceptions as nacl_exceptions
from nacre.nacl import public as nacl_public
from nacre.nacl import secret as nacl_secret
from nacre.nacl import signing as nacl_signing
from nacre.nacl import utils as nacl_utils
from nacre.pwhash import Limits

MESSAGE = b"The quick brown fox jumps over the lazy dog"

# Every AEAD class has the same combined and detached methods; three also have seal/open.
AnyCipher = Union[AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305, AEGIS128L, AEGIS256]
RandomNonceCipher = Union[AESGCMSIV, XChaCha20Poly1305, AEGIS256]


def flip(data: bytes, index: int = -1) -> bytes:
    """``data`` with one bit changed: what an attacker's edit looks like."""
    changed = bytearray(data)
    changed[index] ^= 1
    return bytes(changed)


def expect(error: Type[nacre.Error], call: Callable[[], object]) -> nacre.Error:
    """Run ``call`` and return the nacre exception it must raise."""
    try:
        call()
    except error as exc:
        return exc
    raise AssertionError(f"{error.__name__} was not raised")


# --- the package: version, random bytes, constant-time comparison ---------------------------------


def package() -> None:
    version: str = nacre.__version__
    abi: int = nacre.abi_version
    key: bytes = nacre.random_bytes(32)
    buf = bytearray(16)
    assert len(key) == 32 and nacre.random_bytes_into(buf) == 16 and buf != bytes(16)
    # Compare secrets (tags, tokens) in constant time; unequal lengths are simply unequal.
    assert nacre.compare_digest(key, bytearray(key)) and not nacre.compare_digest(key, key[:-1])
    print(f"nacre {version} (C ABI {abi}): random_bytes, random_bytes_into, compare_digest")
    # Where keys live: locked while RLIMIT_MEMLOCK allows, always guarded and wiped.
    held = nacre.AESGCM(bytearray(key))  # a key object: its key schedule is in secret memory
    mem: nacre.SecretMemoryStats = nacre.secret_memory_stats()
    assert mem.live_secrets >= 0 and mem.locked_bytes <= (mem.lock_limit_bytes or mem.locked_bytes)
    assert mem.live_secrets <= mem.live_bytes and mem.unlocked_bytes <= mem.capacity_bytes
    assert mem.arenas >= 1 and mem.live_secrets >= 1 and mem.large_secrets < mem.live_secrets
    del held
    print(f"secret memory: {len(mem)} statistics, locked and unlocked bytes")


# --- nacre.hash: hashlib's shape ------------------------------------------------------------------


def hashes() -> None:
    # One constructor per algorithm; each matches hashlib.
    fixed: List[Callable[[bytes], Hash]] = [
        nacre.hash.sha224, nacre.hash.sha256, nacre.hash.sha384, nacre.hash.sha512,
        nacre.hash.sha512_256,
        nacre.hash.sha3_256, nacre.hash.sha3_512, nacre.hash.blake2b,
    ]
    for make in fixed:
        h = make(MESSAGE)
        assert h.digest() == hashlib.new(h.name, MESSAGE).digest(), h.name
    assert nacre.hash.shake_128(MESSAGE).digest(50) == hashlib.shake_128(MESSAGE).digest(50)
    assert nacre.hash.shake_256(MESSAGE).digest(50) == hashlib.shake_256(MESSAGE).digest(50)

    # new() by name: a literal name gives a precise type (Hash or Xof), any other str a Union.
    sha: Hash = nacre.hash.new("sha256", MESSAGE)
    shake: Xof = nacre.hash.new("shake_256")
    keyed: Hash = nacre.hash.new("blake2b", MESSAGE, digest_size=32, key=b"k" * 32)
    assert keyed.digest() == hashlib.blake2b(MESSAGE, digest_size=32, key=b"k" * 32).digest()
    name_from_config: str = "SHA3-256"
    some: Union[Hash, Xof] = nacre.hash.new(name_from_config, MESSAGE)
    assert isinstance(some, Hash) and some.hexdigest() == hashlib.sha3_256(MESSAGE).hexdigest()

    # Incremental use: update, copy, digest without finishing, digest into a caller's buffer.
    sha.update(b"!")
    fork: Hash = sha.copy()
    fork.update(b"?")
    out = bytearray(sha.digest_size)
    assert sha.digest_into(out) == 32 and bytes(out) == hashlib.sha256(MESSAGE + b"!").digest()
    assert (sha.name, sha.digest_size, sha.block_size) == ("sha256", 32, 64)
    assert fork.hexdigest() == hashlib.sha256(MESSAGE + b"!?").hexdigest()
    shake.update(MESSAGE)
    stream = bytearray(64)
    assert shake.digest_into(stream) == 64 and shake.copy().hexdigest(64) == stream.hex()
    assert (shake.name, shake.digest_size, shake.block_size) == ("shake_256", 0, 136)

    # MD5 and SHA-1 only for interoperability, and only when asked for so (as hashlib in FIPS
    # mode); HMAC-SHA1 (HOTP/TOTP) needs no flag.
    legacy: Hash = nacre.hash.md5(MESSAGE, usedforsecurity=False)
    assert legacy.digest() == hashlib.md5(MESSAGE).digest()
    sha1: Hash = nacre.hash.sha1(MESSAGE, usedforsecurity=False)
    assert sha1.digest() == hashlib.sha1(MESSAGE).digest()
    assert nacre.hmac.digest(b"k", MESSAGE, "sha1") == std_hmac.digest(b"k", MESSAGE, "sha1")

    # hashlib's file and key-derivation functions, here too.
    from_file: Hash = nacre.hash.file_digest(io.BytesIO(MESSAGE), nacre.hash.sha256)
    assert from_file.hexdigest() == hashlib.sha256(MESSAGE).hexdigest()
    assert nacre.hash.pbkdf2_hmac("sha256", b"pw", b"salt", 10) == hashlib.pbkdf2_hmac(
        "sha256", b"pw", b"salt", 10
    )
    assert nacre.hash.scrypt(b"pw", salt=b"s", n=16, r=1, p=1) == hashlib.scrypt(
        b"pw", salt=b"s", n=16, r=1, p=1
    )

    # One-shot functions, backends and the algorithm sets.
    assert nacre.hash.digest("sha512", MESSAGE) == hashlib.sha512(MESSAGE).digest()
    assert nacre.hash.digest("shake_128", MESSAGE, length=20) == hashlib.shake_128(
        MESSAGE
    ).digest(20)
    one_shot = bytearray(48)
    assert nacre.hash.digest_into("sha384", MESSAGE, one_shot) == 48
    backends: Tuple[str, ...] = nacre.hash.available_backends("sha256")
    assert nacre.hash.XOF_MAX_LENGTH == 2**29  # SHAKE outputs are shorter, as CPython's
    for backend in backends:
        assert nacre.hash.sha256(MESSAGE, backend=backend).digest() == sha256_of(MESSAGE)
    names: FrozenSet[str] = nacre.hash.algorithms_available
    assert names == nacre.hash.algorithms_guaranteed and "sha3_512" in names
    expect(nacre.UnsupportedAlgorithm, lambda: nacre.hash.new("md5"))
    print(f"hash: {len(names)} algorithms match hashlib; sha256 on {', '.join(backends)}")


def sha256_of(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


# --- nacre.hmac: the standard hmac module's shape -------------------------------------------------


def macs() -> None:
    key = nacre.random_bytes(32)
    mac: nacre.hmac.HMAC = nacre.hmac.new(key, MESSAGE, digestmod="sha256")
    mac.update(b"!")
    tag: bytes = mac.digest()
    assert tag == std_hmac.digest(key, MESSAGE + b"!", "sha256")
    assert mac.copy().hexdigest() == tag.hex()
    out = bytearray(mac.digest_size)
    assert mac.digest_into(out) == 32 and out == tag
    assert (mac.name, mac.digest_size, mac.block_size) == ("hmac-sha256", 32, 64)
    mac.verify(tag)  # None, or:
    expect(nacre.InvalidSignature, lambda: mac.verify(flip(tag)))

    # digestmod may also be a constructor, nacre's or hashlib's.
    for digestmod in (nacre.hash.sha512, hashlib.sha512):
        assert nacre.hmac.new(key, MESSAGE, digestmod).digest() == std_hmac.digest(
            key, MESSAGE, "sha512"
        )
    one = nacre.hmac.digest(key, MESSAGE, "sha384")
    into = bytearray(48)
    assert nacre.hmac.digest_into(key, MESSAGE, "sha384", into) == 48 and into == one
    nacre.hmac.verify(key, MESSAGE, "sha384", one)
    expect(nacre.InvalidSignature, lambda: nacre.hmac.verify(key, MESSAGE, "sha384", one[:-1]))
    assert nacre.hmac.compare_digest(one, into)
    print(f"hmac: sha256/384/512 match hmac; sha384 on "
          f"{', '.join(nacre.hmac.available_backends('sha384'))}")


# --- nacre.aead: pyca/cryptography's shape --------------------------------------------------------


def round_trip(cipher: AnyCipher) -> None:
    """The combined, into-buffer and detached forms of one cipher, and a tampered ciphertext."""
    nonce = bytes(cipher.nonce_size)  # use a counter: never one nonce twice under a key
    header = b"associated data"
    ct = cipher.encrypt(nonce, MESSAGE, header)
    assert len(ct) == len(MESSAGE) + cipher.tag_size
    assert cipher.decrypt(nonce, ct, header) == MESSAGE
    out = bytearray(len(ct))
    assert cipher.encrypt_into(nonce, MESSAGE, header, out) == len(ct) and out == ct
    plain = bytearray(len(MESSAGE))
    assert cipher.decrypt_into(nonce, out, header, plain) == len(MESSAGE) and plain == MESSAGE
    body, tag = cipher.encrypt_detached(nonce, MESSAGE, None)
    assert cipher.decrypt_detached(nonce, body, tag, None) == MESSAGE
    expect(nacre.exceptions.InvalidTag, lambda: cipher.decrypt(nonce, flip(ct), header))
    expect(nacre.InvalidArgument, lambda: cipher.encrypt(nonce + b"\0", MESSAGE, None))
    assert cipher.nonce_size == type(cipher).NONCE_SIZE and len(tag) == type(cipher).TAG_SIZE
    assert cipher.key_size in type(cipher).KEY_SIZES and cipher.algorithm in nacre.aead.ALGORITHMS


def random_nonce(cipher: RandomNonceCipher) -> None:
    """seal/open: a random nonce, chosen for you and put in front."""
    box = cipher.seal(MESSAGE, b"header")
    assert len(box) == len(MESSAGE) + cipher.overhead
    assert cipher.open(box, b"header") == MESSAGE
    expect(nacre.InvalidTag, lambda: cipher.open(box, b"other header"))


def aead() -> None:
    gcm128 = AESGCM(AESGCM.generate_key(128))
    gcm256 = nacre.AESGCM(AESGCM.generate_key(bit_length=256))
    siv = AESGCMSIV(AESGCMSIV.generate_key(256))
    chacha = ChaCha20Poly1305(ChaCha20Poly1305.generate_key())
    xchacha = XChaCha20Poly1305(XChaCha20Poly1305.generate_key())
    aegis128 = AEGIS128L(AEGIS128L.generate_key())
    aegis256 = AEGIS256(AEGIS256.generate_key())
    for cipher in (gcm128, gcm256, siv, chacha, xchacha, aegis128, aegis256):
        round_trip(cipher)
    for sealing in (siv, xchacha, aegis256):
        random_nonce(sealing)
    # Backends: the same key on each one that runs the algorithm gives the same ciphertext.
    key = ChaCha20Poly1305.generate_key()
    backends = nacre.aead.available_backends("chacha20-poly1305")
    outputs = {ChaCha20Poly1305(key, backend=b).encrypt(bytes(12), MESSAGE, None) for b in backends}
    assert len(outputs) == 1
    expect(nacre.InvalidKey, lambda: ChaCha20Poly1305(bytes(31)))
    print(f"aead: {len(nacre.aead.ALGORITHMS)} algorithms round-trip; chacha20-poly1305 on "
          f"{', '.join(backends)}")


# --- nacre.secretstream: streams and files --------------------------------------------------------


def streams() -> None:
    key: bytes = ss.generate_key()
    assert len(key) == ss.KEY_SIZE
    enc = ss.Encryptor(key)
    first = enc.push(b"first")  # TAG_MESSAGE
    group_end = enc.push(b"end of a group", tag=ss.TAG_PUSH)
    rekeyed = bytearray(len(b"rekey now") + ss.OVERHEAD)
    assert enc.push_into(b"rekey now", rekeyed, tag=ss.TAG_REKEY) == len(rekeyed)
    last = enc.finalize(b"last")  # TAG_FINAL
    assert enc.finished and len(enc.header) == ss.HEADER_SIZE

    dec = ss.Decryptor(key, enc.header)
    assert dec.pull(first) == (b"first", ss.TAG_MESSAGE)
    assert dec.pull(group_end) == (b"end of a group", ss.TAG_PUSH)
    plain = bytearray(len(rekeyed) - ss.OVERHEAD)
    assert dec.pull_into(rekeyed, plain) == (len(plain), ss.TAG_REKEY)
    assert dec.pull(last) == (b"last", ss.TAG_FINAL) and dec.finished
    dec.finalize()  # raises TruncatedStream when the final message is missing
    expect(nacre.TrailingData, lambda: dec.pull(first))
    cut = ss.Decryptor(key, enc.header)
    cut.pull(first)
    expect(nacre.TruncatedStream, cut.finalize)

    print("secretstream: tags, push/pull; truncation and trailing data")


def files() -> None:
    # age files: to keys (X25519, or post-quantum hybrid) or to a passphrase; pyrage's shapes.
    alice, bob = age.Identity.generate(), age.Identity.generate(post_quantum=True)
    assert bob.post_quantum and bob.to_public().post_quantum and not alice.post_quantum
    assert age.Identity.from_str(alice.secret_text()) == alice
    team = age.parse_recipients(f"# team\n{alice.to_public()}\n{bob.to_public()}\n")
    assert team == [age.Recipient.from_str(str(r)) for r in team]
    assert age.parse_identities(f"# key\n{alice.secret_text()}\n") == [alice]
    data = nacre.random_bytes(age.CHUNK_SIZE + 100)
    box = age.encrypt(data, team, armored=True)
    assert age.decrypt(box, [bob]) == data
    enc = age.Encryptor(team)
    file = enc.update(data[:10]) + enc.update(data[10:]) + enc.finish()
    dec = age.Decryptor([alice], armored=False)
    assert dec.update(file) + dec.finish() == data
    locked = passphrase.encrypt(data, "correct horse", work_factor=10)
    limit = passphrase.MAX_WORK_FACTOR
    assert passphrase.decrypt(locked, "correct horse", max_work_factor=limit) == data
    pw_enc = passphrase.encryptor("pw", work_factor=10)
    pw_file = pw_enc.update(b"x") + pw_enc.finish()
    pw_dec = passphrase.decryptor("pw")
    assert pw_dec.update(pw_file) + pw_dec.finish() == b"x"
    assert passphrase.DEFAULT_WORK_FACTOR == 18

    # Files: a writer that encrypts into a binary file, a reader that decrypts from one.
    sink = io.BytesIO()
    with age.EncryptingWriter(sink, [alice.to_public()]) as writer:
        assert writer.writable()
        writer.write(data[:1000])
        writer.write(memoryview(data)[1000:])
        writer.flush()
    reader = age.DecryptingReader(io.BytesIO(sink.getvalue()), [alice])
    assert reader.readable()
    head = bytearray(10)
    assert reader.peek(1)[:1] == data[:1] and reader.readinto(head) == 10 and head == data[:10]
    assert reader.read1(90) == data[10:100] and reader.read(900) == data[100:1000]
    assert reader.readall() == data[1000:] and reader.read() == b"" and reader.finished
    reader.close()
    aborted = io.BytesIO()
    partial = age.EncryptingWriter(aborted, passphrase="pw", work_factor=10)
    partial.write(data[:100])
    partial.abort()  # no final chunk: a reader sees a truncated file
    cut = age.DecryptingReader(io.BytesIO(aborted.getvalue()), passphrase="pw")
    expect(age.PayloadError, cut.read)
    expect(age.NoIdentityError, lambda: age.decrypt(box, [age.Identity.generate()]))
    expect(age.HeaderError, lambda: age.decrypt(b"not an age file", [alice]))
    expect(age.ArmorError, lambda: age.decrypt(b"-----BEGIN AGE ENCRYPTED FILE-----\n!\n", [alice]))
    expect(age.HeaderMacError, lambda: age.decrypt(_changed_mac(file), [alice]))
    expect(age.RecipientError, lambda: age.Recipient.from_str("ssh-ed25519 AAAA"))
    expect(age.IdentityError, lambda: age.Identity.from_str(str(alice.to_public())))
    for cls in (age.HeaderError, age.ArmorError, age.NoIdentityError, age.HeaderMacError,
                age.PayloadError):
        assert issubclass(cls, age.DecryptError)
    print("age: X25519, hybrid and passphrase files, armored, streamed; 5 failure classes")


def _changed_mac(file: bytes) -> bytes:
    """``file`` with one character of its header MAC changed."""
    at = file.index(b"\n--- ") + 5
    return file[:at] + (b"A" if file[at:at + 1] != b"A" else b"B") + file[at + 1:]


def signatures_of_files() -> None:
    # minisign's signatures: Ed25519 over BLAKE2b-512 of the file, with a trusted comment.
    key = minisign.SecretKey.generate()
    public = key.public_key()
    data = nacre.random_bytes(100_000)
    sig = minisign.sign(io.BytesIO(data), key, trusted_comment="release 1.2",
                        untrusted_comment="signed by the typed example")
    assert minisign.verify(data, sig, public) == "release 1.2"
    assert minisign.PublicKey.from_str(str(public)) == minisign.PublicKey.from_str(public.to_file())
    assert len(public.key_id) == 16 and key.key_id == public.key_id
    plain = minisign.SecretKey.load(key.save())
    locked = key.save("pw", opslimit=524288, memlimit=16777216)
    assert minisign.SecretKey.load(locked, "pw").public_key() == plain.public_key()
    assert minisign.KDF_OPSLIMIT > 524288 and minisign.KDF_MEMLIMIT == 1 << 30
    expect(nacre.InvalidSignature, lambda: minisign.verify(data + b"!", sig, public))
    print("minisign: sign and verify in pieces, trusted comments, keys with and without a password")


# --- nacre.kdf ------------------------------------------------------------------------------------


def kdfs() -> None:
    # RFC 5869 test case 1.
    ikm, salt, info = b"\x0b" * 22, bytes(range(13)), bytes(range(0xF0, 0xFA))
    okm = bytes.fromhex(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )
    assert nacre.kdf.hkdf("sha256", 42, ikm, salt, info) == okm
    prk = nacre.kdf.hkdf_extract(hashlib.sha256, ikm, salt)  # a hash constructor works too
    assert nacre.kdf.hkdf_expand("SHA-256", 42, prk, info) == okm
    assert nacre.kdf.hkdf_max_length("sha512") == 255 * 64

    pw, pw_salt = b"password", b"salt"
    dk = nacre.kdf.pbkdf2_hmac("sha256", pw, pw_salt, 1000)
    assert dk == hashlib.pbkdf2_hmac("sha256", pw, pw_salt, 1000)
    # RFC 7914 test vector 1.
    assert nacre.kdf.scrypt(b"", salt=b"", n=16, r=1, p=1, dklen=64).hex().startswith("77d65762")
    assert nacre.kdf.PBKDF2_MAX_SIZE == nacre.kdf.SCRYPT_MAX_SIZE == 1 << 20

    master = nacre.random_bytes(nacre.kdf.SUBKEY_KEY_SIZE)
    context = b"Examples"
    assert len(context) == nacre.kdf.SUBKEY_CONTEXT_SIZE
    one = nacre.kdf.derive_subkey(master, 1, context, nacre.kdf.SUBKEY_MIN_SIZE)
    two = nacre.kdf.derive_subkey(master, 2, context, nacre.kdf.SUBKEY_MAX_SIZE)
    assert one != two[: len(one)] and one == nacre.kdf.derive_subkey(master, 1, context, 16)
    print("kdf: HKDF (RFC 5869), PBKDF2 (matches hashlib), scrypt (RFC 7914), subkeys")


# --- nacre.keywrap --------------------------------------------------------------------------------


def key_wraps() -> None:
    # RFC 3394 section 4.1, then RFC 5649 for a key that is not a multiple of 8 bytes.
    kek = bytes(range(16))
    data_key = bytes.fromhex("00112233445566778899aabbccddeeff")
    wrapped: bytes = nacre.keywrap.aes_key_wrap(kek, data_key)
    assert wrapped.hex() == "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"
    assert nacre.keywrap.aes_key_unwrap(kek, wrapped) == data_key
    odd = nacre.keywrap.aes_key_wrap_with_padding(kek, b"seven b")
    assert nacre.keywrap.aes_key_unwrap_with_padding(kek, odd) == b"seven b"
    expect(nacre.keywrap.InvalidUnwrap, lambda: nacre.keywrap.aes_key_unwrap(bytes(16), wrapped))
    print("keywrap: RFC 3394 and RFC 5649 round trips; a wrong KEK raises InvalidUnwrap")


# --- nacre.pwhash ---------------------------------------------------------------------------------


def passwords() -> None:
    pw = b"correct horse battery staple"  # passwords are bytes: encode text first
    stored: str = nacre.pwhash.hash_password(pw, preset=nacre.pwhash.INTERACTIVE)  # Argon2id
    assert nacre.pwhash.identify(stored) == nacre.pwhash.ARGON2ID
    nacre.pwhash.verify_password(stored, pw)  # None, or:
    expect(nacre.VerificationFailed, lambda: nacre.pwhash.verify_password(stored, b"wrong"))
    assert not nacre.pwhash.needs_rehash(stored, preset=nacre.pwhash.INTERACTIVE)
    assert nacre.pwhash.needs_rehash(stored, preset=nacre.pwhash.MODERATE)  # stronger policy

    # Explicit limits, the other algorithms, and keys from passwords.
    limits: Limits = nacre.pwhash.preset_limits(nacre.pwhash.ARGON2I, nacre.pwhash.INTERACTIVE)
    argon2i = nacre.pwhash.hash_password(
        pw, algorithm=nacre.pwhash.ARGON2I, opslimit=limits.opslimit, memlimit=limits.memlimit
    )
    scrypt = nacre.pwhash.hash_password(pw, algorithm=nacre.pwhash.SCRYPT, preset="interactive")
    for other in (argon2i, scrypt):
        nacre.pwhash.verify_password(other.encode("ascii"), pw)  # bytes work too
    assert nacre.pwhash.identify(scrypt) == nacre.pwhash.SCRYPT
    assert nacre.pwhash.needs_rehash(argon2i, algorithm=nacre.pwhash.ARGON2ID)
    sensitive = nacre.pwhash.preset_limits(nacre.pwhash.ARGON2ID, nacre.pwhash.SENSITIVE)
    assert sensitive.memlimit <= nacre.pwhash.MAX_MEMLIMIT == 1 << 32
    salt = nacre.random_bytes(nacre.pwhash.salt_size(nacre.pwhash.ARGON2ID))
    key = nacre.pwhash.derive_key(pw, salt, 32, preset=nacre.pwhash.INTERACTIVE)
    assert key == nacre.pwhash.derive_key(pw, salt, 32, preset=nacre.pwhash.INTERACTIVE)
    print(f"pwhash: {', '.join(nacre.pwhash.ALGORITHMS)} hash, verify, rehash and derive keys")


# --- nacre.keys -----------------------------------------------------------------------------------


def keys() -> None:
    # Ed25519 signatures; every key class has raw, PKCS#8 or SPKI forms (PEM is bytes).
    signer = Ed25519PrivateKey.generate()
    verifier: Ed25519PublicKey = signer.public_key()
    signature = signer.sign(MESSAGE)
    verifier.verify(signature, MESSAGE)  # None, or:
    expect(nacre.exceptions.InvalidSignature, lambda: verifier.verify(signature, flip(MESSAGE)))
    assert Ed25519PrivateKey.from_raw(signer.to_raw()).sign(MESSAGE) == signature
    assert Ed25519PrivateKey.from_pkcs8_der(signer.to_pkcs8_der()) == signer
    assert Ed25519PrivateKey.from_pkcs8_pem(signer.to_pkcs8_pem()) == signer
    assert Ed25519PublicKey.from_raw(verifier.to_raw()) == verifier
    assert Ed25519PublicKey.from_spki_der(verifier.to_spki_der()) == verifier
    assert Ed25519PublicKey.from_spki_pem(verifier.to_spki_pem()) == verifier
    expect(nacre.InvalidKey, lambda: Ed25519PublicKey.from_raw(bytes(5)))

    # Loaders read any PKCS#8 / SPKI key and return its class: narrow it with isinstance.
    loaded = nacre.keys.load_private_key(signer.to_pkcs8_pem())
    assert isinstance(loaded, Ed25519PrivateKey) and loaded.sign(MESSAGE) == signature
    loaded_pub = nacre.load_public_key(verifier.to_spki_der())
    assert isinstance(loaded_pub, PublicKey) and loaded_pub.algorithm == "ed25519"
    assert isinstance(signer, PrivateKey) and {verifier, loaded_pub} == {verifier}  # hashable

    # X25519 agreement.
    alice, bob = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    bob_public: X25519PublicKey = bob.public_key()
    shared = alice.exchange(bob_public)
    assert shared == bob.exchange(alice.public_key()) and len(shared) == 32
    assert X25519PrivateKey.from_raw(alice.to_raw()) == alice
    assert X25519PrivateKey.from_pkcs8_der(alice.to_pkcs8_der()) == alice
    assert X25519PrivateKey.from_pkcs8_pem(alice.to_pkcs8_pem()) == alice
    assert X25519PublicKey.from_raw(bob_public.to_raw()) == bob_public
    assert X25519PublicKey.from_spki_der(bob_public.to_spki_der()) == bob_public
    assert X25519PublicKey.from_spki_pem(bob_public.to_spki_pem()) == bob_public

    # ECDSA and ECDH on P-256, P-384 and P-521; ECDSA over the curve's hash or a chosen one.
    assert sorted(nacre.keys.CURVES) == ["p256", "p384", "p521"]
    p521 = ECPrivateKey.generate("p521")
    assert p521.key_size == 521 and len(p521.to_raw()) == 66
    p521.public_key().verify(p521.sign(MESSAGE, hash="sha3-512"), MESSAGE, hash="sha3-512")
    ec = ECPrivateKey.generate("p256")
    ec_public: ECPublicKey = ec.public_key()
    assert (ec.curve, ec.key_size) == (ec_public.curve, ec_public.key_size) == ("p256", 256)
    ec_public.verify(ec.sign(MESSAGE), MESSAGE)
    ec_public.verify(ec.sign(MESSAGE, "p1363"), MESSAGE, "p1363")
    digest = hashlib.sha256(MESSAGE).digest()
    ec_public.verify_digest(ec.sign_digest(digest), digest)
    peer = ECPrivateKey.generate("P-256")
    assert ec.exchange(peer.public_key()) == peer.exchange(ec_public)
    assert ECPrivateKey.from_raw(ec.to_raw()) == ec
    assert ECPrivateKey.from_raw(ec.to_raw(), curve="p256") == ec
    assert ECPrivateKey.from_pkcs8_der(ec.to_pkcs8_der()) == ec
    assert ECPrivateKey.from_pkcs8_pem(ec.to_pkcs8_pem()) == ec
    assert ECPublicKey.from_raw(ec_public.to_raw()) == ec_public
    assert ECPublicKey.from_sec1(ec_public.to_sec1(compressed=True)) == ec_public
    assert ECPublicKey.from_spki_der(ec_public.to_spki_der()) == ec_public
    assert ECPublicKey.from_spki_pem(ec_public.to_spki_pem()) == ec_public

    # RSA: PSS signatures and OAEP encryption.
    rsa = RSAPrivateKey.generate(2048)
    rsa_public: RSAPublicKey = rsa.public_key()
    assert rsa.key_size == rsa_public.key_size == 2048
    rsa_public.verify(rsa.sign(MESSAGE), MESSAGE)
    rsa_public.verify_digest(rsa.sign_digest(digest, "pss"), digest, "pss")
    rs256 = rsa.sign(MESSAGE, "pkcs1v15")  # deterministic, as JWT's RS256
    assert rs256 == rsa.sign(MESSAGE, "pkcs1v15", hash="sha256")
    rsa_public.verify(rs256, MESSAGE, "pkcs1v15")
    longest = rsa.sign(MESSAGE, hash="sha384", salt_length="max")
    rsa_public.verify(longest, MESSAGE, hash="sha384")  # any salt length verifies by default
    expect(nacre.InvalidSignature, lambda: rsa_public.verify(longest, MESSAGE, hash="sha384",
                                                             salt_length="digest"))
    assert nacre.keys.PSS_SALT_LENGTHS["max"] != nacre.keys.PSS_SALT_LENGTHS["auto"]
    sealed = rsa_public.encrypt(b"a short secret", label=b"v1")
    assert rsa.decrypt(sealed, label=b"v1") == b"a short secret"
    expect(nacre.InvalidTag, lambda: rsa.decrypt(sealed, label=b"v2"))
    assert RSAPrivateKey.from_pkcs8_der(rsa.to_pkcs8_der()) == rsa
    # OpenSSL's "traditional" forms and encrypted PKCS#8 (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC).
    assert RSAPrivateKey.from_pkcs1_pem(rsa.to_pkcs1_pem()) == rsa
    assert nacre.load_public_key(rsa_public.to_pkcs1_der()) == rsa_public
    assert ECPrivateKey.from_sec1_der(ec.to_sec1_der()) == ec
    assert nacre.keys.DEFAULT_PBKDF2_ITERATIONS == 600_000  # what iterations=0 means
    sealed_key = ec.to_encrypted_pkcs8_pem(b"passphrase", iterations=10_000)
    assert nacre.load_private_key(sealed_key, password=b"passphrase") == ec
    expect(nacre.InvalidKey, lambda: nacre.load_private_key(sealed_key, password=b"guess"))
    assert RSAPrivateKey.from_pkcs1_der(rsa.to_pkcs1_der()) == rsa
    assert RSAPublicKey.from_pkcs1_der(rsa_public.to_pkcs1_der()) == rsa_public
    assert RSAPublicKey.from_pkcs1_pem(rsa_public.to_pkcs1_pem()) == rsa_public
    # Keys of 1024 to 2047 bits verify old signatures through their own loader only.
    assert nacre.keys.load_legacy_rsa_public_key(rsa_public.to_spki_pem()) == rsa_public
    assert ECPrivateKey.from_sec1_pem(ec.to_sec1_pem()) == ec
    pw = b"pw"  # one PBKDF2 iteration below: fast for an example, far too weak for real use
    assert ECPrivateKey.from_encrypted_pkcs8_der(ec.to_encrypted_pkcs8_der(pw, 1), pw) == ec
    assert ECPrivateKey.from_encrypted_pkcs8_pem(ec.to_encrypted_pkcs8_pem(pw, 1), pw) == ec
    assert RSAPrivateKey.from_encrypted_pkcs8_der(rsa.to_encrypted_pkcs8_der(pw, 1), pw) == rsa
    assert RSAPrivateKey.from_encrypted_pkcs8_pem(rsa.to_encrypted_pkcs8_pem(pw, 1), pw) == rsa
    assert Ed25519PrivateKey.from_encrypted_pkcs8_der(signer.to_encrypted_pkcs8_der(pw, 1),
                                                      pw) == signer
    assert Ed25519PrivateKey.from_encrypted_pkcs8_pem(signer.to_encrypted_pkcs8_pem(pw, 1),
                                                      pw) == signer
    assert X25519PrivateKey.from_encrypted_pkcs8_der(alice.to_encrypted_pkcs8_der(pw, 1),
                                                     pw) == alice
    assert X25519PrivateKey.from_encrypted_pkcs8_pem(alice.to_encrypted_pkcs8_pem(pw, 1),
                                                     pw) == alice
    assert RSAPrivateKey.from_pkcs8_pem(rsa.to_pkcs8_pem()) == rsa
    assert RSAPublicKey.from_spki_der(rsa_public.to_spki_der()) == rsa_public
    assert RSAPublicKey.from_spki_pem(rsa_public.to_spki_pem()) == rsa_public

    # Post-quantum KEMs: ML-KEM-768 and X-Wing (their module is nacre.kem, below).
    ml = MLKEM768PrivateKey.generate()
    ml_public: MLKEM768PublicKey = ml.public_key()
    ct, secret = ml_public.encapsulate()
    assert len(ct) == MLKEM768PublicKey.CIPHERTEXT_SIZE and ml.decapsulate(ct) == secret
    assert len(secret) == ml_public.SHARED_SECRET_SIZE == 32
    assert MLKEM768PrivateKey.from_seed(ml.to_seed()) == ml
    assert MLKEM768PrivateKey.from_raw(ml.to_raw()) == ml
    assert MLKEM768PrivateKey.from_expanded(ml.to_expanded()).decapsulate(ct) == secret
    assert MLKEM768PublicKey.from_raw(ml_public.to_raw()) == ml_public
    xw = XWingPrivateKey.generate()
    xw_public: XWingPublicKey = xw.public_key()
    xct, xsecret = xw_public.encapsulate()
    assert len(xct) == XWingPublicKey.CIPHERTEXT_SIZE and xw.decapsulate(xct) == xsecret
    assert XWingPrivateKey.from_raw(xw.to_raw()) == xw
    assert XWingPublicKey.from_raw(xw_public.to_raw()).SHARED_SECRET_SIZE == 32
    algorithms = [k.algorithm for k in (signer, alice, ec, rsa, ml, xw)]
    print(f"keys: {', '.join(algorithms)}; sign, agree, encrypt, encapsulate, every encoding")


# --- nacre.box, nacre.hpke, nacre.kem -------------------------------------------------------------


def boxes() -> None:
    alice, bob = nacre.X25519PrivateKey.generate(), nacre.X25519PrivateKey.generate()
    # A sealed box: anonymous; only bob can open it.
    sealed = nacre.box.seal(bob.public_key(), MESSAGE)
    assert len(sealed) == len(MESSAGE) + nacre.box.SEAL_OVERHEAD
    assert nacre.box.seal_open(bob, sealed) == MESSAGE
    expect(nacre.InvalidTag, lambda: nacre.box.seal_open(alice, sealed))
    # A Box: authenticated both ways; a random nonce is put in front unless you give one.
    to_bob = nacre.box.Box(alice, bob.public_key())
    from_alice = nacre.box.Box(bob, alice.public_key())
    assert from_alice.decrypt(to_bob.encrypt(MESSAGE)) == MESSAGE
    nonce = nacre.random_bytes(nacre.box.NONCE_SIZE)
    ct = to_bob.encrypt(MESSAGE, nonce)
    assert len(ct) == len(MESSAGE) + nacre.box.OVERHEAD
    assert from_alice.decrypt(ct, nonce) == MESSAGE
    expect(nacre.InvalidTag, lambda: from_alice.decrypt(flip(ct), nonce))
    # A Box is a secret box under the pair's shared key, the same from both sides.
    shared = nacre.box.shared_key(alice, bob.public_key())
    assert shared == nacre.box.shared_key(bob, alice.public_key())
    assert nacre.secret.SecretBox(shared).decrypt(ct, nonce) == MESSAGE
    # Ed25519 keys have X25519 forms (libsodium's conversion), for boxes to signing keys.
    signer = nacre.Ed25519PrivateKey.generate()
    assert signer.to_x25519().public_key() == signer.public_key().to_x25519()
    print("box: sealed boxes and crypto_box, random or given nonces")


# --- nacre.secret, nacre.encoding, nacre.nacl -----------------------------------------------------


def secret_boxes() -> None:
    box = nacre.secret.SecretBox(nacre.secret.SecretBox.generate_key())
    sealed: nacre.secret.EncryptedMessage = box.encrypt(MESSAGE)  # nonce ‖ tag ‖ ciphertext
    assert box.decrypt(sealed) == MESSAGE
    assert box.decrypt(sealed.ciphertext, sealed.nonce) == MESSAGE
    assert len(sealed) == len(MESSAGE) + nacre.secret.NONCE_SIZE + nacre.secret.MACBYTES
    assert box.KEY_SIZE == nacre.secret.KEY_SIZE and box.NONCE_SIZE == nacre.secret.NONCE_SIZE
    assert box.MACBYTES == 16 and box.MESSAGEBYTES_MAX > 2**32
    expect(nacre.InvalidTag, lambda: box.decrypt(flip(sealed)))
    coders: List[encoding.Encoder] = [
        encoding.RawEncoder, encoding.HexEncoder, encoding.Base16Encoder, encoding.Base32Encoder,
        encoding.Base64Encoder, encoding.URLSafeBase64Encoder,
    ]
    for coder in coders:
        text = box.encrypt(MESSAGE, encoder=coder)
        assert box.decrypt(text, encoder=coder) == MESSAGE
        assert coder.decode(coder.encode(MESSAGE)) == MESSAGE
    print(f"secret: secretbox round trips under {len(coders)} encoders")


class Seed(encoding.Encodable):
    """Any object with ``__bytes__`` gets ``encode(encoder)`` from Encodable."""

    def __bytes__(self) -> bytes:
        return bytes(32)


def pynacl_shapes() -> None:
    hexed = nacl_encoding.HexEncoder
    assert Seed().encode(hexed) == b"00" * 32
    # nacl.signing: signature ‖ message, deterministic.
    signer = nacl_signing.SigningKey.generate()
    again = nacl_signing.SigningKey(signer.encode(hexed), hexed)
    signed: nacl_signing.SignedMessage = again.sign(MESSAGE)
    assert signer.sign(MESSAGE) == signed and signed.signature + signed.message == signed
    verifier = nacl_signing.VerifyKey(signer.verify_key.encode(hexed), encoder=hexed)
    assert verifier.verify(signed) == MESSAGE == verifier.verify(signed.message, signed.signature)
    assert verifier.SIZE == signer.SIZE == 32
    expect(nacl_exceptions.BadSignatureError, lambda: verifier.verify(flip(signed)))
    # nacl.public: boxes between key pairs, and sealed boxes.
    alice, bob = nacl_public.PrivateKey.generate(), nacl_public.PrivateKey.from_seed(bytes(32))
    assert alice.SIZE == alice.SEED_SIZE == nacl_public.PublicKey.SIZE == 32
    to_bob = nacl_public.Box(alice, nacl_public.PublicKey(bob.public_key.encode()))
    assert nacl_public.Box(bob, alice.public_key).decrypt(to_bob.encrypt(MESSAGE)) == MESSAGE
    same = nacl_public.Box.decode(to_bob.encode(hexed), hexed)
    assert same.shared_key() == to_bob.shared_key() and same.NONCE_SIZE == 24
    sealed = nacl_public.SealedBox(bob.public_key).encrypt(MESSAGE, hexed)
    assert nacl_public.SealedBox(bob).decrypt(sealed, hexed) == MESSAGE
    assert nacl_public.SealedBox(bob).encode() == bytes(bob.public_key)
    curve = signer.to_curve25519_private_key()
    assert curve.public_key == signer.verify_key.to_curve25519_public_key()
    # nacl.secret: SecretBox (keeps a copy of its key, as PyNaCl's) and Aead (XChaCha20).
    key = nacl_utils.random(nacl_secret.SecretBox.KEY_SIZE)
    box = nacl_secret.SecretBox(key)
    assert box.encode() == key and box.decrypt(box.encrypt(MESSAGE)) == MESSAGE
    aead = nacl_secret.Aead(key)
    boxed: nacl_utils.EncryptedMessage = aead.encrypt(MESSAGE, b"header")
    assert aead.decrypt(boxed, b"header") == MESSAGE and aead.encode() == key
    assert (aead.KEY_SIZE, aead.NONCE_SIZE, aead.MACBYTES) == (32, 24, 16)
    assert aead.MESSAGEBYTES_MAX > 2**32
    # nacl.exceptions: CryptoError is nacre.Error; PyNaCl's other classes are here too.
    assert nacl_exceptions.CryptoError is nacre.Error
    expect(nacl_exceptions.ValueError, lambda: nacl_secret.SecretBox(key[:31]))
    nacl_exceptions.ensure(True, "never raised", raising=nacl_exceptions.RuntimeError)
    for cls in (nacl_exceptions.AssertionError, nacl_exceptions.TypeError,
                nacl_exceptions.InvalidkeyError, nacl_exceptions.CryptPrefixError,
                nacl_exceptions.UnavailableError):
        assert issubclass(cls, nacl_exceptions.CryptoError)
    assert nacl_utils.bytes_as_string(b"ok") == "ok"
    assert str(verifier) == str(bytes(verifier)) and isinstance(verifier, nacl_utils.StringFixer)
    print("nacl: PyNaCl's SigningKey, VerifyKey, PrivateKey, Box, SealedBox, SecretBox, Aead")


def hpke_single_shot(suite: Suite, recipient: X25519PrivateKey) -> None:
    data = nacre.hpke.seal(suite, recipient.public_key(), MESSAGE, info=b"app", aad=b"hdr")
    assert len(data) == nacre.hpke.ENC_SIZE + len(MESSAGE) + nacre.hpke.TAG_SIZE
    assert nacre.hpke.open(suite, recipient, data, info=b"app", aad=b"hdr") == MESSAGE
    expect(nacre.InvalidTag, lambda: nacre.hpke.open(suite, recipient, data, info=b"x"))


def hpke() -> None:
    recipient = X25519PrivateKey.generate()
    for suite in Suite:  # X25519_SHA256_AES128GCM, _AES256GCM, _CHACHA20POLY1305
        hpke_single_shot(suite, recipient)
    # Contexts: enc once, then messages in order; both sides export the same secrets.
    suite = Suite.X25519_SHA256_CHACHA20POLY1305
    assert {Suite.X25519_SHA256_AES128GCM, Suite.X25519_SHA256_AES256GCM} < set(Suite)
    sender = SenderContext(suite, recipient.public_key(), info=b"session")
    receiver = ReceiverContext(suite, recipient, sender.enc, info=b"session")
    for i in range(3):
        message = f"message {i}".encode()
        assert receiver.open(sender.seal(message, aad=b"hdr"), aad=b"hdr") == message
    assert sender.export(b"exporter", 32) == receiver.export(b"exporter", 32)
    print(f"hpke: {len(Suite)} suites, single shot and contexts, exporters agree")


def kems() -> None:
    for key in (MLKEM768PrivateKey.generate(), XWingPrivateKey.generate()):
        ciphertext, secret = nacre.kem.encapsulate(key.public_key())
        assert nacre.kem.decapsulate(key, ciphertext) == secret
        assert len(secret) == nacre.kem.SHARED_SECRET_SIZE
        # Implicit rejection: an altered ciphertext gives an unrelated secret, not an error.
        assert nacre.kem.decapsulate(key, flip(ciphertext)) != secret
    print("kem: ML-KEM-768 and X-Wing encapsulate and decapsulate")


# --- errors ---------------------------------------------------------------------------------------


def errors() -> None:
    # Every exception is a nacre.Error; sizes and bad values are also ValueErrors.
    hierarchy: List[Tuple[Type[nacre.Error], Type[Exception]]] = [
        (nacre.InvalidArgument, ValueError),
        (nacre.BufferTooSmall, nacre.InvalidArgument),
        (nacre.InvalidKey, ValueError),
        (nacre.UnsupportedAlgorithm, ValueError),
        (nacre.InvalidTag, nacre.VerificationFailed),
        (nacre.InvalidSignature, nacre.VerificationFailed),
        (nacre.TruncatedStream, nacre.InvalidTag),
        (nacre.TrailingData, nacre.InvalidTag),
        (nacre.OutOfMemory, MemoryError),
        (nacre.InvalidHandle, nacre.Error),
        (nacre.InternalError, nacre.Error),
    ]
    for cls, base in hierarchy:
        assert issubclass(cls, nacre.Error) and issubclass(cls, base), cls
    # ``status`` is the C status behind an exception (None when Python raised it first).
    cipher = ChaCha20Poly1305(bytes(32))
    exc = expect(nacre.InvalidTag, lambda: cipher.decrypt(bytes(12), bytes(16), None))
    assert isinstance(exc.status, int) and exc.status < 0
    try:
        nacre.hash.new("sha256").digest_into(bytearray(5))
    except ValueError as err:  # nacre.InvalidArgument is one
        assert isinstance(err, nacre.Error) and type(err).__name__ == "InvalidArgument"
    classes = {nacre.Error, nacre.VerificationFailed} | {cls for cls, _ in hierarchy}
    print(f"errors: {len(classes)} exception classes, all nacre.Error")


def main() -> None:
    package()
    hashes()
    macs()
    aead()
    streams()
    files()
    signatures_of_files()
    kdfs()
    key_wraps()
    passwords()
    keys()
    boxes()
    secret_boxes()
    pynacl_shapes()
    hpke()
    kems()
    errors()


if __name__ == "__main__":
    main()
