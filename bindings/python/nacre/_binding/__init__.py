"""nacre's binding layer: the only code that calls cffi.

Each module here wraps one family of the C ABI (``nacre.h``). Its functions take Python objects
that the public modules have already checked for meaning (types of non-buffer arguments, names,
sizes the API promises), and do the rest themselves:

* **buffer acquisition**: views of callers' buffers are taken only by :mod:`.buffers`, inside a
  borrowing scope that releases every view when the call returns or raises;
* **output allocation**: outputs are C buffers, or new ``bytes`` filled in place
  (:func:`.buffers.fresh_bytes`, CPython only, checked at import);
* **handles**: C objects the library allocates are made by :func:`.handles.new_handle` and
  freed by ``ffi.gc``;
* **status codes**: a failing C call becomes nacre's exception, with the library's message
  (:func:`.status.check`).

Handles (keys, hash states, streams) are cffi pointers owned by ``ffi.gc``; the public classes
hold them without looking inside. ``tests/python/test_binding_layer.py`` checks that no module
outside this package imports cffi, ``_nacre`` or these helpers.
"""
