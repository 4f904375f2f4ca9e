"""A local simulator of the Piggy, Giftoin and Nudj APIs, with demo data and fault injection.

It is the embedded default behind ``pos-app --demo`` and the stage for end-to-end tests and
benchmarks. No Qt here. See README.md in this folder.
"""

from pos_app.sandbox.common import SimulatorConfig, default_resources_dir
from pos_app.sandbox.faults import ROUTES, Fault, FaultSyntaxError
from pos_app.sandbox.server import Simulator, start_simulator

__all__ = [
    "ROUTES",
    "Fault",
    "FaultSyntaxError",
    "Simulator",
    "SimulatorConfig",
    "default_resources_dir",
    "start_simulator",
]
