#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/TARGET/ from the known-answer data in tests/vectors.

Seeds are the vectors' own bytes (messages, keys, nonces, hash strings) laid end to end, which
gives the fuzzers realistic sizes and contents to mutate. Deterministic: rerunning rewrites the
same files (named by their SHA-1, as libFuzzer names corpus files).
"""
import hashlib
from pathlib import Path

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


def seeds():
    yield "hash", [b"\x01\x00" + hexes(b, "MSG") for b in list(blocks("sha2.txt"))[:8]]
    yield "mac", [b"\x00" + bytes([len(hexes(b, "KEY")) % 200]) + hexes(b, "KEY", "MSG") for b in blocks("hmac.txt")]
    yield "aead", [bytes([i % 8]) + hexes(b, "KEY", "NONCE", "AAD", "MSG") for i, b in enumerate(blocks("aead.txt"))][:12]
    yield "stream", [bytes(range(32)) + bytes([n]) + b"message" * n for n in (1, 3, 8)]
    yield "kdf", [hexes(b, "IKM", "SALT", "INFO") for b in blocks("hkdf.txt")]
    yield "pwhash", [b"password\x00" + b.get("ENCODED", "").encode() for b in blocks("argon2.txt") if "ENCODED" in b]
    yield "capi_sequence", [bytes((i * 37 + j) % 256 for j in range(200)) for i in range(6)]


def main():
    for target, items in seeds():
        folder = CORPUS / target
        folder.mkdir(parents=True, exist_ok=True)
        for data in items:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(list(folder.iterdir()))} seeds")


if __name__ == "__main__":
    main()
