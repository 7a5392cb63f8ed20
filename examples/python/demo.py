"""A short tour of nacre from Python: hashes, HMAC and random bytes."""
import hashlib

import nacre
import nacre.hash
import nacre.hmac

data = b"The quick brown fox jumps over the lazy dog"
print(f"nacre {nacre.__version__}")
for name in ("sha256", "sha512_256", "sha3_256", "blake2b"):
    h = nacre.hash.new(name, data)
    # hashlib is an independent implementation: the two must agree.
    assert h.hexdigest() == hashlib.new(name, data).hexdigest(), name
    print(f"{h.name:12} {h.hexdigest()[:32]}...  (matches hashlib)")
print(f"shake_256/20 {nacre.hash.shake_256(data).hexdigest(20)}")

key = nacre.random_bytes(32)
mac = nacre.hmac.new(key, data, "sha256")
tag = mac.digest()
mac.verify(tag)
try:
    mac.verify(bytes(32))
except nacre.InvalidSignature:
    print("hmac-sha256  a forged tag is rejected with nacre.InvalidSignature")

# Authenticated encryption, shaped like pyca/cryptography's AEAD classes.
aead = nacre.XChaCha20Poly1305(nacre.XChaCha20Poly1305.generate_key())
box = aead.seal(data, b"header")  # a random 192-bit nonce, prepended
assert aead.open(box, b"header") == data
try:
    aead.open(box[:-1] + bytes([box[-1] ^ 1]), b"header")
except nacre.InvalidTag:
    print("xchacha20   a flipped bit is rejected with nacre.InvalidTag")
