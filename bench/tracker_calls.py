"""Tracker request budget benchmark: calls per case counted by the Tracker simulator, through the real scorer and
poller; merged into bench/results.json as `tracker_calls` (never asserted here; the integration tests assert).

    PYTHONPATH=shared:. .venv/bin/python bench/tracker_calls.py [--burst 500] [--out bench/results.json]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "shared"), str(ROOT)]

from local.harness.tracker_budget import budget_stack, measure_burst, measure_cases  # noqa: E402
from local.trackerrms_sim.testing import running_simulator  # noqa: E402
from skima_cli.main import resolve_model_dir  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--burst", type=int, default=500, help="new applications announced at once")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results.json")
    args = parser.parse_args()
    logging.disable(logging.INFO)  # the handlers log every message; the figures are what is printed
    model_dir = resolve_model_dir(None)
    started = time.perf_counter()
    with running_simulator(seed=7, candidates=args.burst + 120) as sim, budget_stack(sim, model_dir) as stack:
        figures = measure_cases(stack)
        # In the same (warm) container: its one-off probes are `new_application_cold_container` - 4.
        figures["burst"] = measure_burst(stack, args.burst)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    results = json.loads(args.out.read_text()) if args.out.is_file() else {}
    results["tracker_calls"] = figures
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
