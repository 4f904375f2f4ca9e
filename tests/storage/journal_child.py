"""A second process writing to a journal, for the crash and concurrency tests.

Run as ``python -m tests.storage.journal_child MODE PATH [options]`` from the project root.

* ``hang``: begin one collect, print its operation id, then wait to be killed.
* ``append``: print "ready", wait for ``--go`` to exist, then begin+confirm ``--count``
  collects, resting ``--pause`` seconds after each (as a person at a counter would) so that
  writers take turns.
* ``storm``: begin+confirm collects forever, printing each operation id once confirmed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pos_app.storage import Journal, StaffRef


def _collect(journal: Journal, label: str, n: int) -> str:
    op = journal.begin_collect(
        customer_uuid=f"contact-{label}",
        loyalty_transaction_uuid=f"lt-{label}-{n}",
        reward_title=f"Reward {n} for {label}",
        staff=StaffRef(f"staff-{label}", f"Staff {label}"),
    )
    journal.confirm(op.operation_id, redemption_uuid=f"red-{label}-{n}")
    return op.operation_id


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["hang", "append", "storm"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--label", default="child")
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--go", type=Path)
    parser.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args()

    journal = Journal.open(args.path, shop_uuid="shop-0001", counter=f"Counter {args.label}")
    if args.mode == "hang":
        op = journal.begin_collect(
            customer_uuid="contact-crash",
            loyalty_transaction_uuid="lt-crash",
            reward_title="Reward in flight",
        )
        print(op.operation_id, flush=True)
        time.sleep(300)
        return 1
    if args.mode == "append":
        print("ready", flush=True)
        deadline = time.monotonic() + 60
        while args.go is not None and not args.go.exists():
            if time.monotonic() > deadline:
                return 2
            time.sleep(0.001)
        for n in range(args.count):
            _collect(journal, args.label, n)
            time.sleep(args.pause)
        journal.close()
        return 0
    n = 0
    while True:
        print(_collect(journal, args.label, n), flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main())
