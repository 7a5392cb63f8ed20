"""Handles: C objects the library allocates (keys, hash and MAC states, streams, HPKE contexts).

Every constructor in ``nacre.h`` that makes one takes a ``T **out`` first and returns a status;
:func:`new_handle` is that shape once. The handle it returns is freed by the library's own free
function when Python collects it (``ffi.gc``); public classes hold it without looking inside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict

from .._nacre import ffi
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = ["new_handle"]

_cell_types: Dict[str, Any] = {}  # "nacre_key" -> typeof("nacre_key **"): parsing a C type costs


def new_handle(
    kind: str, free: Callable[[CData], None], where: str, make: Callable[..., int], *args: Any
) -> CData:
    """``make(out, *args)`` with ``out`` a fresh ``kind **``; raise nacre's exception (with
    ``where`` in its message) when it fails, else return ``*out``, freed with ``free`` once
    unreachable."""
    cell_type = _cell_types.get(kind)
    if cell_type is None:
        cell_type = _cell_types[kind] = ffi.typeof(f"{kind} **")
    cell = ffi.new(cell_type)
    rc = make(cell, *args)
    if rc:
        check(rc, where)
    handle: CData = ffi.gc(cell[0], free)
    return handle
