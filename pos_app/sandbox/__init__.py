"""A local simulator of the Piggy, Giftoin and Nudj APIs, with demo data and fault injection.

It is the embedded default behind ``pos-app --demo`` and the stage for end-to-end tests and
benchmarks. No Qt here. See README.md in this folder.

The server's names are imported on first use: the demo reads the demo data and binds the
simulator's socket before the app's window shows, and starts the server (uvicorn, the
routes) only after that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos_app._lazy import lazy_names
from pos_app.sandbox.faults import ROUTES, Fault, FaultSyntaxError

if TYPE_CHECKING:
    from pos_app.sandbox.common import SimulatorConfig, default_resources_dir
    from pos_app.sandbox.server import Simulator, start_simulator

#: Name → module of the names imported on first use.
_LAZY = {
    "SimulatorConfig": "pos_app.sandbox.common",
    "default_resources_dir": "pos_app.sandbox.common",
    "Simulator": "pos_app.sandbox.server",
    "start_simulator": "pos_app.sandbox.server",
}

__all__ = [
    "ROUTES",
    "Fault",
    "FaultSyntaxError",
    "Simulator",
    "SimulatorConfig",
    "default_resources_dir",
    "start_simulator",
]


__getattr__ = lazy_names(__name__, _LAZY)
