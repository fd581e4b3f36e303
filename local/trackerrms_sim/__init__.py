"""A local TrackerRMS simulator: REST + Widget API, webhooks, faults. See README.md."""

from .core import SimConfig
from .server import RunningServer, Simulator

__all__ = ["RunningServer", "SimConfig", "Simulator"]
