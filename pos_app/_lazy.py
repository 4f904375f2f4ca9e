"""Names a package offers but imports only when first asked for (PEP 562).

Importing ``pos_app.api`` or ``pos_app.sandbox`` must not pull in httpx, pydantic's models
or the simulator's server before the counter's window is painted; their names are looked
up on first use and then kept in the package like any other.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``where`` maps each name to its module."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
