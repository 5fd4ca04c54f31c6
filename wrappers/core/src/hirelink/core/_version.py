"""The version of hirelink-core, for the User-Agent header.

Written here rather than read with ``importlib.metadata``, whose import and lookup cost
about 5 ms in the first client a process builds. Kept equal to ``pyproject.toml``'s
version by ``tests/core/test_version.py``.
"""

VERSION = "0.2.0"
