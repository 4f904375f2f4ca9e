"""``python -m pos_app.sandbox``: run the simulator until Ctrl+C."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from pos_app.sandbox import demo_data
from pos_app.sandbox.common import SimulatorConfig
from pos_app.sandbox.faults import Fault, FaultSyntaxError, load_fault_file, parse_assignment
from pos_app.sandbox.server import Simulator
from pos_app.sandbox.state import REVERSE_COLLECTED_CHOICES, REVERSE_COLLECTED_REFUSE

DEFAULT_PORT = 8765


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pos_app.sandbox",
        description="Local simulator of the Piggy, Giftoin and Nudj APIs with demo data.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (0 picks a free one)")
    parser.add_argument(
        "--faults", type=Path, metavar="FILE.json", help='faults file: {"ROUTE": "KIND[:ARG]"}'
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="ROUTE=KIND[:ARG][@N]",
        help="inject a fault, e.g. piggy.collect=error:503@1 (repeatable)",
    )
    parser.add_argument("--piggy-token", default=demo_data.DEMO_PIGGY_TOKEN)
    parser.add_argument("--giftoin-key", default=demo_data.DEMO_GIFTOIN_KEY)
    parser.add_argument("--nudj-token", default=demo_data.DEMO_NUDJ_TOKEN)
    parser.add_argument("--client-id", default=demo_data.DEMO_CLIENT_ID)
    parser.add_argument("--client-secret", default=demo_data.DEMO_CLIENT_SECRET)
    parser.add_argument("--seed", type=int, default=0, help="seed of the demo ids and codes")
    parser.add_argument("--resources", type=Path, help="folder with the demo pictures")
    parser.add_argument(
        "--giftoin-bare",
        action="store_true",
        help="answer Giftoin results without the {data, status} envelope",
    )
    parser.add_argument(
        "--legacy-collect",
        action="store_true",
        help="answer collect with the whole item, as older Piggy servers did",
    )
    parser.add_argument(
        "--reverse-collected-reception",
        choices=REVERSE_COLLECTED_CHOICES,
        default=REVERSE_COLLECTED_REFUSE,
        help="what reversing the claim of a reward already handed over does (undocumented)",
    )
    parser.add_argument(
        "--tls",
        nargs=2,
        type=Path,
        metavar=("CERT.pem", "KEY.pem"),
        help="serve HTTPS with this certificate and key (the client must trust them)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log every fault and the demo mailbox's codes",
    )
    return parser


def _summary(sim: Simulator) -> str:
    info = sim.describe()
    lines = [
        f"Simulator running at {sim.url}",
        "",
        "Demo credentials:",
        f"  Piggy token          {info['piggy']['token']}",
        f"  Piggy client id      {info['piggy']['client_id']}",
        f"  Piggy client secret  {info['piggy']['client_secret']}  (POST {sim.url}/oauth/token)",
        f"  Giftoin API key      {info['giftoin']['api_key']}",
        f"  Nudj API token       {info['nudj']['token']}",
        "",
        "Demo cards:",
    ]
    for value, card in info["cards"].items():
        if card["contact_uuid"] is None:
            what = "not linked to a contact"
        else:
            what = f"{card['name']} <{card['email']}>, {card['uncollected_rewards']} rewards"
            if not card["active"]:
                what = f"inactive card ({what})"
        lines.append(f"  {value:<20} {what}")
    lines += ["", "Demo emails (verification codes: GET /__sandbox__/mailbox):"]
    for email, contact in info["contacts"].items():
        giftoin = f"Giftoin discord/{contact['discord_id']}" if contact["giftoin_account"] else ""
        nudj = "Nudj" if contact["nudj_account"] else ""
        portal = "" if contact["contacts_portal"] else "no Contacts Portal"
        extras = ", ".join(x for x in (giftoin, nudj, portal) if x)
        lines.append(f"  {email:<24} {contact['uuid']}  {extras}".rstrip())
    lines += ["", "Control: GET/POST/PUT/DELETE /__sandbox__/faults, POST /__sandbox__/reset"]
    lines.append("Press Ctrl+C to stop.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    faults: dict[str, Fault] = {}
    try:
        if args.faults is not None:
            faults.update(load_fault_file(args.faults))
        for assignment in args.fault:
            route, fault = parse_assignment(assignment)
            faults[route] = fault
    except (FaultSyntaxError, OSError) as exc:
        parser.error(str(exc))

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    config = SimulatorConfig(
        host=args.host,
        port=args.port,
        piggy_token=args.piggy_token,
        giftoin_key=args.giftoin_key,
        nudj_token=args.nudj_token,
        client_id=args.client_id,
        client_secret=args.client_secret,
        seed=args.seed,
        resources_dir=args.resources,
        giftoin_envelope=not args.giftoin_bare,
        legacy_collect=args.legacy_collect,
        reverse_collected_reception=args.reverse_collected_reception,
        tls_cert=args.tls[0] if args.tls else None,
        tls_key=args.tls[1] if args.tls else None,
    )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Ctrl+C and a polite kill both end the loop below; the server thread is then joined.
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        sim = Simulator(config, faults=faults, log_level="info" if args.verbose else "warning")
        sim.start()
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    with sim:
        print(_summary(sim), flush=True)
        for route, fault in faults.items():
            print(f"Fault: {route} = {fault.spec()}", flush=True)
        # A timeout lets the signal handler run promptly on every platform.
        while not stop.wait(0.2):
            pass
    print("Simulator stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
