#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/TARGET/ from the known-answer data in tests/vectors.

Seeds are the vectors' own bytes (messages, keys, nonces, hash strings) laid end to end, which
gives the fuzzers realistic sizes and contents to mutate. The public-key targets read their input
through FuzzedDataProvider, whose integers come from the end of the input and byte strings from
the front; Fdp below lays seeds out that way, so a known-answer vector reaches the code path that
checks it. Key encodings (PKCS#8, SPKI, PEM) come from pyca/cryptography when it is importable,
from fixed private values (RSA from deterministically searched primes); without it only the raw
vector bytes are used. Deterministic: rerunning rewrites the same files (named by their SHA-1, as
libFuzzer names corpus files).
"""
import hashlib
import random
from pathlib import Path

try:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa, x25519
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
except ImportError:  # raw vector bytes only
    serialization = None

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
CORPUS = ROOT / "fuzz" / "corpus"


def blocks(name):
    block = {}
    for line in (VECTORS / name).read_text().splitlines() + [""]:
        if not line.strip():
            if block:
                yield block
            block = {}
        elif not line.startswith("#") and ":" in line:
            key, _, value = line.partition(":")
            block[key.strip()] = value.strip()


def hexes(block, *keys):
    out = b""
    for k in keys:
        try:
            out += bytes.fromhex(block.get(k, ""))
        except ValueError:
            out += block.get(k, "").encode()
    return out


class Fdp:
    """An input for FuzzedDataProvider: byte strings in consumption order from the front,
    integers in consumption order from the back (ConsumeIntegralInRange's byte count and order)."""

    def __init__(self):
        self.front = bytearray()
        self.back = bytearray()

    def bytes(self, data):
        self.front += data
        return self

    def int(self, value, lo, hi):
        span, x = hi - lo, value - lo
        assert 0 <= x <= span, (value, lo, hi)
        n = 0
        while n < 8 and span >> (8 * n):
            n += 1
        for i in reversed(range(n)):  # the first byte consumed is the most significant
            self.back.append((x >> (8 * i)) & 0xFF)
        return self

    def bool(self, value):
        return self.int(1 if value else 0, 0, 255)

    def data(self):
        return bytes(self.front) + bytes(reversed(self.back))


# nacre.h numbers.
X25519, ED25519, P256, P384, RSA, MLKEM768, XWING, P521 = range(1, 9)
RAW_PRIVATE, RAW_PUBLIC, PKCS8_DER, PKCS8_PEM, SPKI_DER, SPKI_PEM, SEC1_UNCOMPRESSED, SEC1_COMPRESSED = range(1, 9)


def det_bytes(label, n):
    """n bytes derived from a label: fixed private values for the seeds."""
    return hashlib.shake_256(label.encode()).digest(n)


def probable_prime(rng, bits):
    while True:
        c = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if c % 65537 == 1 or any(c % p == 0 for p in (3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
            continue
        d, r = c - 1, 0
        while d % 2 == 0:
            d, r = d // 2, r + 1
        for _ in range(40):
            x = pow(rng.randrange(2, c - 1), d, c)
            if x in (1, c - 1):
                continue
            for _ in range(r - 1):
                x = pow(x, 2, c)
                if x == c - 1:
                    break
            else:
                break
        else:
            return c


def rsa_key(bits):
    """An RSA key from primes searched with a fixed seed: the same key on every run."""
    rng = random.Random(f"nacre fuzz rsa {bits}")
    while True:
        p, q = probable_prime(rng, bits // 2), probable_prime(rng, bits // 2)
        n = p * q
        if p != q and n.bit_length() == bits:
            break
    e = 65537
    d = pow(e, -1, (p - 1) * (q - 1))
    pub = rsa.RSAPublicNumbers(e, n)
    return rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q),
                                 rsa.rsa_crt_iqmp(p, q), pub).private_key()


def encodings(key):
    """PKCS#8 DER/PEM of a private key and SPKI DER/PEM of its public key, by nacre format."""
    pub = key.public_key()
    priv_args = (serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    return {
        PKCS8_DER: key.private_bytes(serialization.Encoding.DER, *priv_args),
        PKCS8_PEM: key.private_bytes(serialization.Encoding.PEM, *priv_args),
        SPKI_DER: pub.public_bytes(serialization.Encoding.DER, spki),
        SPKI_PEM: pub.public_bytes(serialization.Encoding.PEM, spki),
    }


def ec_key(curve, label):
    n = {P256: 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
         P384: int("ff" * 24 + "c7634d81f4372ddf581a0db248b0a77aecec196accc52973", 16),
         P521: int("01" + "ff" * 32 + "fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
                   16)}[curve]
    size = {P256: 32, P384: 48, P521: 66}[curve]
    d = int.from_bytes(det_bytes(label, size), "big") % (n - 1) + 1
    pyca_curve = {P256: ec.SECP256R1(), P384: ec.SECP384R1(), P521: ec.SECP521R1()}[curve]
    return ec.derive_private_key(d, pyca_curve), d.to_bytes(size, "big")


def key_parse_seeds():
    def seed(type_, fmt, data):
        return bytes([type_ + 9 * (fmt - 1)]) + data

    out = []
    ed = list(blocks("ed25519.txt"))[:2]
    xs = [b for b in blocks("x25519.txt") if "SCALAR" in b]
    xw = next(iter(blocks("xwing.txt")))
    for b in ed:
        out += [seed(ED25519, RAW_PRIVATE, hexes(b, "SECRET")), seed(ED25519, RAW_PUBLIC, hexes(b, "PUBLIC"))]
    for b in xs:
        out += [seed(X25519, RAW_PRIVATE, hexes(b, "SCALAR")), seed(X25519, RAW_PUBLIC, hexes(b, "U"))]
    for b in list(blocks("ecdsa.txt"))[::6]:  # one key per curve
        curve = P256 if b["CURVE"] == "p256" else P384
        x, y = hexes(b, "QX"), hexes(b, "QY")
        out += [seed(curve, SEC1_UNCOMPRESSED, b"\x04" + x + y), seed(curve, RAW_PUBLIC, b"\x04" + x + y),
                seed(curve, SEC1_COMPRESSED, bytes([2 | (y[-1] & 1)]) + x)]
    pk = hexes(xw, "PK")
    out += [seed(XWING, RAW_PRIVATE, hexes(xw, "SEED")), seed(XWING, RAW_PUBLIC, pk),
            seed(MLKEM768, RAW_PUBLIC, pk[:1184]), seed(MLKEM768, RAW_PRIVATE, det_bytes("ml-kem seed", 64))]
    if serialization is None:
        return out
    keys = [(X25519, x25519.X25519PrivateKey.from_private_bytes(hexes(xs[0], "SCALAR"))),
            (ED25519, ed25519.Ed25519PrivateKey.from_private_bytes(hexes(ed[0], "SECRET")))]
    for curve in (P256, P384, P521):
        key, scalar = ec_key(curve, f"key_parse {curve}")
        keys.append((curve, key))
        out.append(seed(curve, RAW_PRIVATE, scalar))
    keys.append((RSA, rsa_key(2048)))
    for i, (type_, key) in enumerate(keys):
        for fmt, data in encodings(key).items():
            # Alternate between naming the type and letting the encoding say it.
            out.append(seed(type_ if (i + fmt) % 2 else 0, fmt, data))
    # The traditional forms (selector 88 + format - 10: the fuzzer's other_formats).
    enc, trad, none = serialization.Encoding, serialization.PrivateFormat.TraditionalOpenSSL, \
        serialization.NoEncryption()
    for type_, key in keys:
        if type_ == RSA:
            pub = key.public_key()
            out += [bytes([88]) + key.private_bytes(enc.DER, trad, none),
                    bytes([89]) + key.private_bytes(enc.PEM, trad, none),
                    bytes([92]) + pub.public_bytes(enc.DER, serialization.PublicFormat.PKCS1),
                    bytes([93]) + pub.public_bytes(enc.PEM, serialization.PublicFormat.PKCS1)]
        elif type_ in (P256, P384, P521):
            out += [bytes([90]) + key.private_bytes(enc.DER, trad, none),
                    bytes([91]) + key.private_bytes(enc.PEM, trad, none)]
    return out


def sign_seeds():
    out = []
    for b in blocks("ed25519.txt"):
        msg, sig = hexes(b, "MESSAGE"), hexes(b, "SIGNATURE")
        if len(msg) > 512:  # the fuzzer's message cap
            continue
        # Mode 0: the key from its seed; the vector's signature as the arbitrary one (s3).
        f = Fdp().int(0, 0, 7).int(len(msg), 0, 512).bytes(msg).bytes(hexes(b, "SECRET")).int(1, 0, 2).bool(True)
        if msg:
            f.bool(False)
        f.int(8 * 40 + 3, 0, 64 * 8 - 1).int(40, 0, 63).int(8, 1, 24).bytes(sig[40:48]).int(64, 0, 66).bytes(sig)
        out.append(f.data())
        # Mode 3: the public key and signature as arbitrary bytes, on each backend.
        out.append(Fdp().int(6, 0, 7).int(len(msg), 0, 512).bytes(msg).int(0, 0, 3).int(0, 0, 3).int(1, 1, 7)
                   .int(len(msg) % 3, 0, 2).int(32, 0, 600).bytes(hexes(b, "PUBLIC")).bytes(sig).data())
    for b in blocks("ecdsa.txt"):
        msg, x, y = hexes(b, "MSG"), hexes(b, "QX"), hexes(b, "QY")
        p384 = b["CURVE"] == "p384"
        point = b"\x04" + x + y
        f = Fdp().int(6, 0, 7).int(len(msg), 0, 512).bytes(msg).int(2 if p384 else 1, 0, 3).int(1, 0, 3)
        f.int(5 if p384 else 3, 1, 7).int(1, 0, 2).int(len(point), 0, 600).bytes(point).bytes(hexes(b, "R", "S"))
        out.append(f.data())
        if serialization is not None and b.get("RESULT") == "P":
            curve = ec.SECP384R1() if p384 else ec.SECP256R1()
            spki = ec.EllipticCurvePublicKey.from_encoded_point(curve, point).public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
            der = encode_dss_signature(int.from_bytes(hexes(b, "R"), "big"), int.from_bytes(hexes(b, "S"), "big"))
            f = Fdp().int(6, 0, 7).int(len(msg), 0, 512).bytes(msg).int(2 if p384 else 1, 0, 3).int(3, 0, 3)
            f.int(4 if p384 else 2, 1, 7).int(0, 0, 2).int(len(spki), 0, 600).bytes(spki).bytes(der)
            out.append(f.data())
    # Derived ECDSA keys (both curves and forms) and the RSA key, over short messages.
    for i in range(4):
        msg = det_bytes(f"sign message {i}", 16 * i)
        f = Fdp().int(3, 0, 7).int(len(msg), 0, 512).bytes(msg).bool(i >= 2)
        f.bytes(det_bytes(f"sign ecdsa {i}", 48 if i >= 2 else 32)).bool(i % 2).bool(i % 2)
        out.append(f.data())
    for i in range(2):
        msg = det_bytes(f"sign rsa {i}", 33 * i)
        out.append(Fdp().int(5, 0, 7).int(len(msg), 0, 512).bytes(msg).bool(i).data())
    return out


def kx_seeds():
    out = []
    small = [bytes(32), b"\x01" + bytes(31), bytes.fromhex("ec" + "ff" * 30 + "7f"),
             bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")]
    for b in blocks("x25519.txt"):
        if "SCALAR" in b:
            out.append(Fdp().int(0, 0, 2).bytes(hexes(b, "SCALAR", "U")).int(5, 0, 255).int(0x80, 0, 255)
                       .int(1, 0, 2).data())
    scalar = hexes(next(b for b in blocks("x25519.txt") if "SCALAR" in b), "SCALAR")
    for u in small:
        out.append(Fdp().int(0, 0, 2).bytes(scalar + u).int(0, 0, 255).int(0, 0, 255).int(2, 0, 2).data())
    hp = [b for b in blocks("hpke.txt") if "SK_R" in b]
    for b in hp:
        out.append(Fdp().int(1, 0, 2).bytes(hexes(b, "SK_E", "SK_R")).data())
    for i, b in enumerate(list(blocks("ecdsa.txt"))[::3]):
        p384 = b["CURVE"] == "p384"
        n = 48 if p384 else 32
        x, y = hexes(b, "QX"), hexes(b, "QY")
        fmt = i % 3  # SEC1 uncompressed, compressed, raw public
        peer = bytes([2 | (y[-1] & 1)]) + x if fmt == 1 else b"\x04" + x + y
        out.append(Fdp().int(2, 0, 2).bool(p384).int(fmt, 0, 3).bytes(det_bytes(f"kx a {i}", n))
                   .bytes(det_bytes(f"kx b {i}", n)).bytes(peer).data())
        if serialization is not None:
            curve = ec.SECP384R1() if p384 else ec.SECP256R1()
            spki = ec.EllipticCurvePublicKey.from_encoded_point(curve, b"\x04" + x + y).public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
            out.append(Fdp().int(2, 0, 2).bool(p384).int(3, 0, 3).bytes(det_bytes(f"kx c {i}", n))
                       .bytes(det_bytes(f"kx d {i}", n)).bytes(spki).data())
    return out


def hpke_box_seeds():
    out = []
    suites = {"x25519-sha256-aes128gcm": 1, "x25519-sha256-aes256gcm": 2, "x25519-sha256-chacha20poly1305": 3}
    setup = {}
    for b in blocks("hpke.txt"):
        if "SK_R" in b:
            setup[b["SUITE"]] = b
        elif b.get("SEQ") in ("0", "1") and b.get("SUITE") in setup:
            s = setup[b["SUITE"]]
            info, aad = hexes(s, "INFO"), hexes(b, "AAD")
            # Mode 1: the known-answer enc || ciphertext, single shot (opens for SEQ 0) and as a
            # context's first message.
            out.append(Fdp().int(1, 0, 4).int(suites[b["SUITE"]], 1, 3).int(len(info), 0, 64).bytes(info)
                       .int(len(aad), 0, 64).bytes(aad).bool(b["SEQ"] == "0").bytes(hexes(s, "ENC"))
                       .bytes(hexes(b, "CT")).data())
    for i in range(5):  # round trips, suite 0 and 4 included
        msg = det_bytes(f"hpke message {i}", 20 * i)
        out.append(Fdp().int(0, 0, 4).int(i, 0, 4).int(5, 0, 64).bytes(b"info" + bytes([i]))
                   .int(3, 0, 64).bytes(b"aad").int(len(msg), 0, 512).bytes(msg).int(i % 3, 0, 2).data())
    for i in range(3):
        msg = det_bytes(f"box message {i}", 30 * i)
        out.append(Fdp().int(2, 0, 4).int(i, 0, 2).int(len(msg), 0, 512).bytes(msg).int(17 * i, 0, 8 * (len(msg) + 48) - 1)
                   .int(49, 0, 600).bytes(det_bytes(f"junk {i}", 49)).bytes(det_bytes(f"recipient {i}", 32)).data())
        out.append(Fdp().int(3, 0, 4).int(i, 0, 2).bytes(det_bytes(f"sender {i}", 32)).bytes(det_bytes(f"nonce {i}", 24))
                   .int(len(msg), 0, 512).bytes(msg).bool(i % 2).int(i, 0, 8 * (len(msg) + 16 if i % 2 else 24) - 1)
                   .bytes(det_bytes(f"peer {i}", 32)).bytes(det_bytes(f"junk {i}", 40)).data())
    # A small-order sealed-box recipient and crypto_box sender.
    out.append(Fdp().int(2, 0, 4).int(0, 0, 2).int(0, 0, 512).int(0, 0, 8 * 48 - 1).int(0, 0, 600)
               .bytes(b"\x01" + bytes(31)).data())
    # RSA-OAEP: round trips with and without a label, a message one byte too long.
    for i, (label, n) in enumerate(((b"", 0), (b"label", 32), (b"l", 190), (b"", 191))):
        msg = det_bytes(f"oaep message {i}", n)
        f = Fdp().int(4, 0, 4).int(len(label), 0, 32).bytes(label).int(len(msg), 0, 198).bytes(msg)
        if n <= 190:
            if label:
                f = f.bool(i % 2 == 0)
            f = f.int(13 * i, 0, 8 * (256 if not label or i % 2 == 0 else len(label)) - 1)
        out.append(f.bytes(det_bytes(f"oaep junk {i}", 256 if i == 1 else 40)).data())
    return out


def kem_seeds():
    out = []
    for b in blocks("xwing.txt"):
        ct, pk = hexes(b, "CT"), hexes(b, "PK")
        # Mode 1: the key from its seed; the vector's ciphertext as the arbitrary one.
        out.append(Fdp().int(1, 0, 4).bytes(hexes(b, "SEED")).bool(True).int(5, 0, 1120 * 8 - 1)
                   .int(1088, 0, 1119).int(32, 0, 32).bytes(ct[1088:]).bool(False).int(1120, 0, 1200).bytes(ct).data())
        out.append(Fdp().int(3, 0, 4).bool(True).bytes(pk).data())
        out.append(Fdp().int(2, 0, 4).bool(True).bytes(pk[:1184]).data())
    for i in range(3):
        out.append(Fdp().int(0, 0, 4).bytes(det_bytes(f"ml-kem seed {i}", 64)).bool(i % 2).int(i * 999, 0, 1088 * 8 - 1)
                   .int(100 * i, 0, 1087).int(10, 0, 1088 - 100 * i).bytes(det_bytes(f"patch {i}", 10))
                   .bool(True).int(i, 0, 2).bytes(det_bytes(f"ct {i}", 1087 + i)).data())
        # Mode 4: an expanded key with one bit altered in dk_pke, ek, H(ek) or z.
        out.append(Fdp().int(4, 0, 4).bytes(det_bytes(f"ml-kem expanded {i}", 64))
                   .int([100, 1500 * 8, 2350 * 8 + 1, 2390 * 8][i] if i < 3 else 0, 0, 2400 * 8 - 1).data())
    out.append(Fdp().int(4, 0, 4).bytes(det_bytes("ml-kem expanded 3", 64)).int(2390 * 8, 0, 2400 * 8 - 1).data())
    return out


def keywrap_seeds():
    # The RFCs' examples: mode, KEK, key, a bit to flip, and the wrapped key as the arbitrary input.
    out = []
    for b in blocks("keywrap.txt"):
        kek, key, wrapped = hexes(b, "KEK"), hexes(b, "KEY"), hexes(b, "WRAPPED")
        mode = 1 if b["MODE"] == "rfc3394" else 2
        out.append(Fdp().int(mode, 0, 3).int(len(kek), 0, 40).bytes(kek).int(len(key), 0, 100)
                   .bytes(key).int(77, 0, 2**64 - 1).bytes(wrapped).data())
    return out


def seeds():
    yield "hash", [b"\x01\x00" + hexes(b, "MSG") for b in list(blocks("sha2.txt"))[:8]]
    yield "mac", [b"\x00" + bytes([len(hexes(b, "KEY")) % 200]) + hexes(b, "KEY", "MSG") for b in blocks("hmac.txt")]
    yield "aead", [bytes([i % 8]) + hexes(b, "KEY", "NONCE", "AAD", "MSG") for i, b in enumerate(blocks("aead.txt"))][:12]
    yield "stream", [bytes(range(32)) + bytes([n]) + b"message" * n for n in (1, 3, 8)]
    yield "kdf", [hexes(b, "IKM", "SALT", "INFO") for b in blocks("hkdf.txt")]
    yield "pwhash", [b"password\x00" + b.get("ENCODED", "").encode() for b in blocks("argon2.txt") if "ENCODED" in b]
    yield "capi_sequence", [bytes((i * 37 + j) % 256 for j in range(200)) for i in range(6)]
    yield "key_parse", key_parse_seeds()
    yield "sign", sign_seeds()
    yield "kx", kx_seeds()
    yield "hpke_box", hpke_box_seeds()
    yield "kem", kem_seeds()
    # age: the mode byte comes from the end (FuzzedDataProvider); the start is a file, a key list,
    # or the plaintext of a round trip.
    yield "age", [b"age-encryption.org/v1\n-> X25519 AAAA\nAAAA\n--- AAAA\n" + bytes([0]),
                  b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"
                  + bytes([0]),
                  b"# comment\nage1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n"
                  + bytes([2]),
                  bytes(range(256)) * 4 + bytes([3])]
    yield "keywrap", keywrap_seeds()
    yield "minisign", [b"untrusted comment: minisign public key\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n"
                       + bytes([0]), b"release 1.2 data" * 8 + bytes([1])]


def main():
    for target, items in seeds():
        folder = CORPUS / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in items:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(list(folder.iterdir()))} seeds")


if __name__ == "__main__":
    main()
