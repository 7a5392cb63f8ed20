"""A short tour of nacre from Python: hashes, HMAC and random bytes."""
import hashlib

import nacre
import nacre.hash
import nacre.hmac
import nacre.hpke
from nacre.keys import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
    MLKEM768PrivateKey,
    X25519PrivateKey,
    load_public_key,
)

data = b"The quick brown fox jumps over the lazy dog"
print(f"nacre {nacre.__version__}")
for h in (
    nacre.hash.sha256(data),
    nacre.hash.sha512_256(data),
    nacre.hash.new("sha3_256", data),  # by name, like hashlib.new
    nacre.hash.blake2b(data),
):
    # hashlib is an independent implementation: the two must agree.
    assert h.hexdigest() == hashlib.new(h.name, data).hexdigest(), h.name
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

# Public keys: Ed25519 signatures, X25519 agreement, HPKE, and a post-quantum KEM.
signer = Ed25519PrivateKey.generate()
pem = signer.public_key().to_spki_pem()
signature = signer.sign(data)
public = load_public_key(pem)  # any key type: narrow it before using Ed25519's methods
assert isinstance(public, Ed25519PublicKey)
public.verify(signature, data)
try:
    public.verify(signature, data + b"!")
except nacre.InvalidSignature:
    print("ed25519      signature verifies; a changed message raises nacre.InvalidSignature")

alice, bob = X25519PrivateKey.generate(), X25519PrivateKey.generate()
assert alice.exchange(bob.public_key()) == bob.exchange(alice.public_key())
print("x25519       both sides derive the same shared secret")

suite = nacre.hpke.Suite.X25519_SHA256_CHACHA20POLY1305
sealed = nacre.hpke.seal(suite, bob.public_key(), data, info=b"demo")
assert nacre.hpke.open(suite, bob, sealed, info=b"demo") == data
print(f"hpke         {len(data)}-byte message sealed to a public key in {len(sealed)} bytes")

kem_key = MLKEM768PrivateKey.generate()
ciphertext, secret = kem_key.public_key().encapsulate()
assert kem_key.decapsulate(ciphertext) == secret
print(f"ml-kem-768   {len(ciphertext)}-byte ciphertext carries a {len(secret)}-byte shared secret")
