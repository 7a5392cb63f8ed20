"""Object cost at any number of live objects: nacre against pyca/cryptography, hashlib and hmac.

For each family and each count N of live objects (1, 1,000, 1,000,000 by default), a fresh
interpreter first makes N - 1 objects and keeps them (each used twice, so each holds its state),
then times create + first use (two uses for AEAD keys) + free of one more, in batches; the
median per object is reported, with the resident memory per live object. Numbers to read,
never assertions.

    $(scripts/python-env) bench/python/live_objects.py [--counts 1,1000,1000000] [--families ...]

Run it with PYTHONPATH pointing at a build's python/ directory (or nacre installed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Tuple

MSG = bytes(64)
NONCE = bytes(12)


def _families() -> Dict[str, Dict[str, Callable[[int], Callable[[], Any]]]]:
    """family -> library -> make(i) returning a factory of one used object."""
    import hashlib
    import hmac as std_hmac

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, x25519
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    import nacre
    import nacre.hash
    import nacre.hmac

    peer_n = nacre.X25519PrivateKey.generate().public_key()
    peer_p = x25519.X25519PrivateKey.generate().public_key()

    # AEAD keys are used twice: nacre makes the key schedule of a bytes key on its second use
    # (the first goes through a one-shot call), and a kept key is one that is used again.
    def aead_nacre() -> Any:
        k = nacre.AESGCM(os.urandom(32))
        k.encrypt(NONCE, MSG, None)
        k.encrypt(NONCE, MSG, None)
        return k

    def aead_pyca() -> Any:
        k = AESGCM(os.urandom(32))
        k.encrypt(NONCE, MSG, None)
        k.encrypt(NONCE, MSG, None)
        return k

    def hash_nacre() -> Any:
        h = nacre.hash.sha256()
        h.update(MSG)
        h.digest()
        return h

    def hash_std() -> Any:
        h = hashlib.sha256()
        h.update(MSG)
        h.digest()
        return h

    def hmac_nacre() -> Any:
        h = nacre.hmac.new(MSG[:32], MSG, "sha256")
        h.digest()
        return h

    def hmac_std() -> Any:
        h = std_hmac.new(MSG[:32], MSG, "sha256")
        h.digest()
        return h

    return {
        "aes-256-gcm key": {"nacre": aead_nacre, "pyca": aead_pyca},
        "sha256 object": {"nacre": hash_nacre, "hashlib": hash_std},
        "hmac-sha256 object": {"nacre": hmac_nacre, "hmac": hmac_std},
        "ed25519 key": {
            "nacre": lambda: _used(nacre.Ed25519PrivateKey.generate(), lambda k: k.sign(MSG)),
            "pyca": lambda: _used(ed25519.Ed25519PrivateKey.generate(), lambda k: k.sign(MSG)),
        },
        "x25519 key": {
            "nacre": lambda: _used(nacre.X25519PrivateKey.generate(), lambda k: k.exchange(peer_n)),
            "pyca": lambda: _used(x25519.X25519PrivateKey.generate(), lambda k: k.exchange(peer_p)),
        },
        "p-256 key": {
            "nacre": lambda: _used(nacre.ECPrivateKey.generate("p256"), lambda k: k.sign(MSG)),
            "pyca": lambda: _used(
                ec.generate_private_key(ec.SECP256R1()),
                lambda k: k.sign(MSG, ec.ECDSA(hashes.SHA256())),
            ),
        },
    }


def _used(obj: Any, use: Callable[[Any], Any]) -> Any:
    use(obj)
    return obj


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure(
    family: str, library: str, live: int, batches: int = 15, per_batch: int = 200
) -> Dict[str, Any]:
    """In this process: keep live - 1 objects, then time create + use + free of one more."""
    make = _families()[family][library]
    rss0 = _rss()
    keep: List[Any] = [make() for _ in range(live - 1)]
    rss1 = _rss()
    times: List[float] = []
    for _ in range(batches):
        t = time.perf_counter_ns()
        for _ in range(per_batch):
            obj = make()
            del obj
        times.append((time.perf_counter_ns() - t) / per_batch / 1000)
    result = {
        "family": family,
        "library": library,
        "live": live,
        "us_per_object": statistics.median(times),
        "rss_per_live_object": (rss1 - rss0) / max(1, live - 1),
    }
    del keep
    return result


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--counts", default="1,1000,1000000")
    ap.add_argument("--families", default=",".join(_families()))
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # family|library|live, in a child
    args = ap.parse_args()
    if args.one:
        family, library, live = args.one.split("|")
        print(json.dumps(measure(family, library, int(live))))
        return
    rows: List[Dict[str, Any]] = []
    families = _families()
    for family in args.families.split(","):
        for live in (int(c) for c in args.counts.split(",")):
            for library in families[family]:
                out = subprocess.run(
                    [sys.executable, __file__, "--one", f"{family}|{library}|{live}"],
                    check=True, capture_output=True, text=True,
                ).stdout
                rows.append(json.loads(out.splitlines()[-1]))
                last = rows[-1]
                print(
                    f"{family:20} {library:8} {live:>9,} live: {last['us_per_object']:8.2f} us"
                    f"  {last['rss_per_live_object']:8.0f} B/live",
                    file=sys.stderr,
                )
    print(table(rows))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)


def table(rows: List[Dict[str, Any]]) -> str:
    """Markdown: one line per family and count, nacre next to the library it replaces."""
    by: Dict[Tuple[str, int], Dict[str, Dict[str, Any]]] = {}
    for r in rows:
        by.setdefault((r["family"], r["live"]), {})[r["library"]] = r
    lines = [
        "| family | live objects | nacre µs | other | other µs | nacre / other "
        "| nacre B per live | other B per live |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for (family, live), libs in by.items():
        n = libs["nacre"]
        for name, o in libs.items():
            if name == "nacre":
                continue
            ratio = n["us_per_object"] / o["us_per_object"]
            rss_n = f"{n['rss_per_live_object']:.0f}" if live > 1 else "-"
            rss_o = f"{o['rss_per_live_object']:.0f}" if live > 1 else "-"
            lines.append(
                f"| {family} | {live:,} | {n['us_per_object']:.2f} | {name} "
                f"| {o['us_per_object']:.2f} | {ratio:.2f}x | {rss_n} | {rss_o} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
