"""PyNaCl's ``nacl.encoding``: the encoders of :mod:`nacre.encoding`, under PyNaCl's names."""

from __future__ import annotations

from ..encoding import (
    Base16Encoder,
    Base32Encoder,
    Base64Encoder,
    Encodable,
    Encoder,
    HexEncoder,
    RawEncoder,
    URLSafeBase64Encoder,
)

__all__ = [
    "Encoder",
    "RawEncoder",
    "HexEncoder",
    "Base16Encoder",
    "Base32Encoder",
    "Base64Encoder",
    "URLSafeBase64Encoder",
    "Encodable",
]
