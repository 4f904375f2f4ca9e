"""The `pos-app` command: the counter app itself, and a few tools for the shop's IT person."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app import APP_NAME, __version__

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo
    from pos_app.services.secrets import SecretStore
    from pos_app.services.settings import Settings

log = logging.getLogger("pos_app")

#: When the app's own code began (the self-test reports start-up times from here where the
#: system cannot say when the process started).
_STARTED = time.perf_counter()

EPILOG = """\
commands:
  (none)                     start the counter app
  --self-test                check this installation in demo mode, then quit (exit 0: all ok)
  secrets set|delete NAME    store or remove an API secret in the OS keyring
  doctor                     check the settings, the keyring and every configured API
  journal verify             check that the journal of pickups is intact (--csv FILE: an export)
  journal export --csv FILE  write the journal of pickups as CSV ('-' for standard output)

Settings live in a TOML file in this user's config folder (see `pos-app doctor`); each
can be overridden by a POS_APP_<NAME> environment variable, e.g. POS_APP_PIGGY_BASE_URL.
"""


def _build_parser() -> argparse.ArgumentParser:
    from pos_app.services.secrets import SecretName

    parser = argparse.ArgumentParser(
        prog="pos-app",
        description=f"{APP_NAME}: hand over the rewards customers claimed online.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against the built-in simulator of Piggy, Giftoin and Nudj (no accounts needed)",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="ROUTE=KIND",
        help="demo and self-test only: make the simulator misbehave, e.g. piggy.collect=timeout "
        "(repeatable)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start in demo mode, scan a demo card, hand a reward over, check the journal, "
        "quit; exit status 0 only if everything worked (proves an installation is complete)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="run locked down for a shared counter PC (overrides the kiosk setting)",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="folder for the journal and caches (overrides data_dir)"
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="settings file to use instead of the default"
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)"
    )

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    secrets = commands.add_parser("secrets", help="store or remove an API secret in the keyring")
    secrets_actions = secrets.add_subparsers(dest="action", metavar="ACTION", required=True)
    names = [name.value for name in SecretName]
    secret_set = secrets_actions.add_parser(
        "set", help="store a secret (asked for without echo, or read from standard input)"
    )
    secret_set.add_argument("name", choices=names)
    secret_delete = secrets_actions.add_parser("delete", help="remove a stored secret")
    secret_delete.add_argument("name", choices=names)

    commands.add_parser("doctor", help="check settings, keyring and every configured API")

    journal = commands.add_parser("journal", help="verify or export the journal of pickups")
    journal_actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    journal_verify = journal_actions.add_parser(
        "verify", help="recompute the hash chain; exit status 1 if a row was altered or removed"
    )
    journal_verify.add_argument(
        "--csv", metavar="FILE", help="check an export made by `journal export` instead"
    )
    journal_export = journal_actions.add_parser("export", help="write every journal row as CSV")
    journal_export.add_argument(
        "--csv", metavar="FILE", required=True, help="file to write; '-' for standard output"
    )
    return parser


#: Loggers never more verbose than this, whatever -v says: at DEBUG qasync logs the
#: results of worker-thread calls (whole decoded response bodies, customers' emails
#: included), httpcore the raw response headers, and httpx repeats every URL at INFO; the
#: API transport logs each request itself at DEBUG, with its path masked.
QUIETER_LOGGERS: dict[str, int] = {
    "qasync": logging.INFO,
    "httpcore": logging.INFO,
    "httpx": logging.WARNING,
}


def configure_logging(verbosity: int) -> None:
    """Log to stderr at WARNING, INFO (-v) or DEBUG (-vv); see :data:`QUIETER_LOGGERS`."""
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)-7s %(name)s: %(message)s", stream=sys.stderr
    )
    # Explicitly, too: basicConfig changes nothing when the root logger has a handler.
    logging.getLogger().setLevel(level)
    for name, floor in QUIETER_LOGGERS.items():
        logging.getLogger(name).setLevel(max(level, floor))


def _fail(message: str, code: int = 2) -> int:
    print(f"pos-app: {message}", file=sys.stderr)
    return code


def _cmd_secrets(args: argparse.Namespace) -> int:
    from pos_app.services.secrets import KeyringUnavailableError, SecretName, SecretStore

    name = SecretName(args.name)
    store = SecretStore()
    try:
        if args.action == "delete":
            removed = store.delete(name)
            print(f"Removed the {name.label}." if removed else f"No {name.label} was stored.")
            return 0
        if not store.keyring_available():
            raise KeyringUnavailableError(
                "No OS keyring is available on this machine. Start or unlock the desktop "
                f"keyring, or give the app the secret in {name.env_var} instead."
            )
        if sys.stdin.isatty():
            value = getpass.getpass(f"{name.label} (input hidden): ")
        else:
            value = sys.stdin.readline()
        if not value.strip():
            return _fail("nothing entered; nothing stored.")
        store.set(name, value)
    except KeyringUnavailableError as exc:
        return _fail(str(exc))
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return _fail("cancelled; nothing stored.")
    print(f"Stored the {name.label} in the OS keyring.")
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from pos_app.services.doctor import Doctor, exit_code, format_table
    from pos_app.services.secrets import SecretStore
    from pos_app.services.settings import SettingsError, default_config_file, load_settings

    config_file = args.config or default_config_file()
    try:
        settings = load_settings(config_file)
    except SettingsError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.data_dir:
        settings = settings.with_overrides(data_dir=args.data_dir)
    results = asyncio.run(Doctor(settings, SecretStore(), config_file=config_file).run())
    print(format_table(results))
    return exit_code(results)


def _cmd_journal(args: argparse.Namespace) -> int:
    from pos_app.services.settings import SettingsError, load_settings
    from pos_app.storage import Journal, JournalError, export_csv, verify_csv

    if args.action == "verify" and args.csv:
        try:
            with open(args.csv, encoding="utf-8", newline="") as source:
                result = verify_csv(source)
        except (OSError, UnicodeDecodeError, JournalError) as exc:
            return _fail(f"cannot check {args.csv}: {exc}", 1)
        print(result.describe())
        return 0 if result.ok else 1

    try:
        settings = load_settings(args.config)
    except SettingsError as exc:
        return _fail(str(exc), 1)
    if args.data_dir:
        settings = settings.with_overrides(data_dir=args.data_dir)
    path = settings.journal_path
    if not path.is_file():
        return _fail(f"there is no journal yet at {path} (nothing was handed over here).", 1)
    try:
        with Journal.open_read_only(path) as journal:
            if args.action == "verify":
                result = journal.verify()
                print(result.describe())
                return 0 if result.ok else 1
            if args.csv == "-":
                count = export_csv(journal, sys.stdout)
                sys.stdout.flush()
            else:
                with open(args.csv, "w", encoding="utf-8", newline="") as out:
                    count = export_csv(journal, out)
            print(f"Exported {count} journal rows to {args.csv}.", file=sys.stderr)
            return 0
    except JournalError as exc:
        return _fail(str(exc), 1)
    except OSError as exc:
        return _fail(f"cannot write {args.csv}: {exc}", 1)


def _cmd_gui(args: argparse.Namespace) -> int:
    from pos_app.services.settings import SettingsError

    try:
        if args.self_test:
            # Qt is imported only here: the command-line tools work without a display.
            from pos_app.ui.self_test import run_self_test

            return run_self_test(faults=args.fault, data_dir=args.data_dir, started=_STARTED)
        if args.demo:
            from pos_app.demo import DemoSession

            with DemoSession(data_dir=args.data_dir, faults=args.fault) as demo:
                settings = demo.settings
                if args.kiosk:
                    settings = settings.with_overrides(kiosk=True)
                return _start_gui(settings, demo.secrets, demo=demo.info)
        if args.fault:
            return _fail("--fault only works together with --demo or --self-test.")
        from pos_app.services.secrets import SecretStore
        from pos_app.services.settings import load_settings

        settings = load_settings(args.config)
        if args.data_dir:
            settings = settings.with_overrides(data_dir=args.data_dir)
        if args.kiosk:
            settings = settings.with_overrides(kiosk=True)
        return _start_gui(settings, SecretStore())
    except SettingsError as exc:
        return _fail(str(exc), 1)


def _start_gui(settings: Settings, secrets: SecretStore, *, demo: DemoInfo | None = None) -> int:
    # Qt is imported only here: the command-line tools work on machines without a display.
    from pos_app.services.connections import build_clients
    from pos_app.ui.app import run_gui

    clients = build_clients(settings, secrets)
    return run_gui(settings, clients, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    if args.command == "secrets":
        return _cmd_secrets(args)
    if args.command == "doctor":
        return _cmd_doctor(args)
    if args.command == "journal":
        return _cmd_journal(args)
    return _cmd_gui(args)


if __name__ == "__main__":
    sys.exit(main())
