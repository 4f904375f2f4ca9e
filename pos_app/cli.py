"""The `pos-app` command: the counter app itself, and a few tools for the shop's IT person.

Size: one parser and one short function per subcommand (secrets, doctor, journal, staff,
settings, shared-journal, the window); each hands its work to the services at once, so
the file is a table of contents of what the command offers, read top to bottom.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app import APP_NAME, __version__

if TYPE_CHECKING:
    from pos_app.demo import DemoInfo
    from pos_app.services.secrets import SecretName, SecretStore
    from pos_app.services.settings import Settings, SettingsSource
    from pos_app.storage import Journal, JournalHealth

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
  doctor --customer CARD     the same, then look one real customer up by their card or QR
                             value as the counter would: found, rewards, Giftoin, Nudj.
                             Read-only: nothing is handed over or reversed, no email is
                             sent; no name or email is printed. Card values only (an email
                             lookup needs the code Piggy emails the customer)
  journal verify             check that the journal of pickups is intact (--csv FILE: an export)
  journal export --csv FILE  write the journal of pickups as CSV ('-' for standard output)
  journal acknowledge --by NAME
                             after a journal problem was reported: record that it was seen,
                             so hand-overs can start again (for counters without a manager)
  staff reset --by NAME      after the staff list was lost: let the app ask for a first
                             manager again (journaled)

--data-dir, --config and -v may also come after the command.

Settings live in a TOML file in this user's config folder (see `pos-app doctor`); each
can be overridden by a POS_APP_<NAME> environment variable, e.g. POS_APP_PIGGY_BASE_URL.
"""


def _shared_options(parser: argparse.ArgumentParser, *, after_command: bool) -> None:
    """Options every command takes, before it or (``after_command``) after it."""
    # After the command, an option not given must not reset the one given before it.
    unset: dict[str, object] = {"default": argparse.SUPPRESS} if after_command else {}
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="folder for the journal and caches (overrides data_dir)",
        **unset,  # type: ignore[arg-type]
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file to use instead of the default",
        **unset,  # type: ignore[arg-type]
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        help="more log output (-vv for debug)",
        **(unset or {"default": 0}),  # type: ignore[arg-type]
    )


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
    _shared_options(parser, after_command=False)
    after = argparse.ArgumentParser(add_help=False)
    _shared_options(after, after_command=True)

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    secrets = commands.add_parser(
        "secrets", help="store or remove an API secret in the keyring", parents=[after]
    )
    secrets_actions = secrets.add_subparsers(dest="action", metavar="ACTION", required=True)
    names = [name.value for name in SecretName]
    secret_set = secrets_actions.add_parser(
        "set",
        help="store a secret (asked for without echo, or read from standard input)",
        parents=[after],
    )
    secret_set.add_argument("name", choices=names)
    secret_delete = secrets_actions.add_parser(
        "delete", help="remove a stored secret", parents=[after]
    )
    secret_delete.add_argument("name", choices=names)

    doctor = commands.add_parser(
        "doctor", help="check settings, keyring and every configured API", parents=[after]
    )
    doctor.add_argument(
        "--customer",
        metavar="CARD",
        help="then look this customer up as the counter would, read-only: the card or QR "
        "value a scanner types (not an email address: looking a customer up by email needs "
        "the code Piggy emails them); shows no name or email",
    )

    journal = commands.add_parser(
        "journal", help="verify or export the journal of pickups", parents=[after]
    )
    journal_actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    journal_verify = journal_actions.add_parser(
        "verify",
        help="check the file (SQLite's integrity check), the hash chain and the copy of its "
        "head; exit status 1 if the file is damaged or a row was altered or removed",
        parents=[after],
    )
    journal_verify.add_argument(
        "--csv", metavar="FILE", help="check an export made by `journal export` instead"
    )
    journal_export = journal_actions.add_parser(
        "export", help="write every journal row as CSV", parents=[after]
    )
    journal_export.add_argument(
        "--csv", metavar="FILE", required=True, help="file to write; '-' for standard output"
    )
    journal_acknowledge = journal_actions.add_parser(
        "acknowledge",
        help="record that a reported journal problem (lost or replaced rows) was seen; "
        "hand-overs start again when the app is next started",
        parents=[after],
    )
    journal_acknowledge.add_argument(
        "--by", metavar="NAME", required=True, help="who acknowledges it (journaled)"
    )
    staff = commands.add_parser("staff", help="the staff list of this counter", parents=[after])
    staff_actions = staff.add_subparsers(dest="action", required=True, metavar="ACTION")
    staff_reset = staff_actions.add_parser(
        "reset",
        help="after the staff list was lost: let the app create a first manager again (journaled)",
        parents=[after],
    )
    staff_reset.add_argument(
        "--by", metavar="NAME", required=True, help="who resets it (journaled)"
    )
    shared = commands.add_parser(
        "shared-journal",
        help="the shop's shared journal on PostgreSQL (setting shared_journal_url)",
        parents=[after],
    )
    shared_actions = shared.add_subparsers(dest="action", metavar="ACTION", required=True)
    shared_migrate = shared_actions.add_parser(
        "migrate",
        help="create or upgrade the shared journal's tables, as the database's owner "
        "(password from PGPASSWORD or ~/.pgpass, never in the URL)",
        parents=[after],
    )
    shared_migrate.add_argument(
        "--owner-url", required=True, metavar="URL", help="postgresql://OWNER@HOST/DATABASE"
    )
    shared_actions.add_parser(
        "status",
        help="how many rows wait to be copied, and this counter's rows in the shared journal "
        "verified; exit status 1 if it cannot be reached or a row differs",
        parents=[after],
    )

    settings = commands.add_parser(
        "settings", help="copy the shop's settings to another counter", parents=[after]
    )
    settings_actions = settings.add_subparsers(dest="action", required=True, metavar="ACTION")
    settings_export = settings_actions.add_parser(
        "export",
        help="write the shop's settings to FILE (not this PC's name or data folder, no secrets)",
        parents=[after],
    )
    settings_export.add_argument("file", type=Path, metavar="FILE")
    settings_import = settings_actions.add_parser(
        "import",
        help="take the shop's settings from FILE into this counter's settings, then ask for "
        "the secrets it still needs",
        parents=[after],
    )
    settings_import.add_argument("file", type=Path, metavar="FILE")
    settings_import.add_argument(
        "--secrets-from-stdin",
        action="store_true",
        help="for scripted roll-outs: read the secrets as NAME=VALUE lines from standard "
        "input (NAME as for `pos-app secrets set`)",
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
    doctor = Doctor(settings, SecretStore(), config_file=config_file)
    results = asyncio.run(doctor.run(customer=args.customer))
    print(format_table(results))
    return exit_code(results)


def _settings_of(args: argparse.Namespace) -> Settings:
    """The settings as ``--config`` and ``--data-dir`` say (SettingsError if unreadable)."""
    from pos_app.services.settings import load_settings

    settings = load_settings(args.config)
    if args.data_dir:
        settings = settings.with_overrides(data_dir=args.data_dir)
    return settings


def _cmd_journal(args: argparse.Namespace) -> int:
    from pos_app.services.settings import SettingsError
    from pos_app.storage import Journal, JournalError, check_health, export_csv, verify_csv

    if args.action == "verify" and args.csv:
        try:
            with open(args.csv, encoding="utf-8", newline="") as source:
                result = verify_csv(source)
        except (OSError, UnicodeDecodeError, JournalError) as exc:
            return _fail(f"cannot check {args.csv}: {exc}", 1)
        print(result.describe())
        return 0 if result.ok else 1

    try:
        settings = _settings_of(args)
    except SettingsError as exc:
        return _fail(str(exc), 1)
    path = settings.journal_path
    try:
        if args.action == "acknowledge":
            return _acknowledge(settings, by=args.by)
        # The full integrity check for verify; the start's quick one before an export.
        health = check_health(path, thorough=args.action == "verify")
        if not path.is_file():
            if not health.ok:
                return _fail(health.describe(), 1)
            return _fail(f"there is no journal yet at {path} (nothing was handed over here).", 1)
        with Journal.open_read_only(path) as journal:
            if args.action == "verify":
                return _verify(journal, health)
            if not health.ok:
                print(f"pos-app: warning: {health.describe()}", file=sys.stderr)
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


def _verify(journal: Journal, health: JournalHealth) -> int:
    """Print what the file check and the chain found; 0 only if both found nothing."""
    from pos_app.storage import JournalError

    try:
        result = journal.verify()
    except JournalError as exc:
        unreadable: str | None = str(exc)
        result = None
    if health.ok and result is not None and result.ok:
        print(result.describe())
        return 0
    if not health.ok:
        print(health.describe())
    if result is None:
        print(f"Its rows cannot be read: {unreadable}")
    elif result.ok:
        print(f"The hash chain of the {result.rows_checked} rows it has is intact.")
    else:
        print(result.describe())
    return 1


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _acknowledge(settings: Settings, *, by: str) -> int:
    """The shop's IT person acknowledges a journal problem, e.g. where no manager exists."""
    from pos_app.storage import (
        OS_USER_PREFIX,
        Journal,
        JournalDamagedError,
        StaffRef,
        check_health,
    )

    path = settings.journal_path
    if not by.strip():
        return _fail("say who acknowledges it: --by NAME.")
    if check_health(path, thorough=False).ok:
        print("Nothing to acknowledge: the journal check found no problem.")
        return 0
    staff = StaffRef(profile_id=f"{OS_USER_PREFIX}{_os_user()}", name=by.strip())
    with Journal.open(path, shop_uuid=settings.shop_uuid, counter=settings.counter_name) as journal:
        try:
            entry = journal.acknowledge_health(staff)
        except JournalDamagedError as exc:
            return _fail(str(exc), 1)
        except ValueError:
            print("Nothing to acknowledge: the journal check found no problem.")
            return 0
    print(entry.note)
    print(
        "The acknowledgement is journaled; hand-overs can start again (restart the app "
        "if it is running)."
    )
    return 0


def _cmd_staff(args: argparse.Namespace) -> int:
    """``pos-app staff reset``: the IT contact declares a lost staff list gone for good."""
    from pos_app.services.settings import SettingsError
    from pos_app.storage import OS_USER_PREFIX, STAFF_LIST_RESET, Journal, JournalError, StaffRef

    try:
        settings = _settings_of(args)
    except SettingsError as exc:
        return _fail(str(exc), 1)
    if not args.by.strip():
        return _fail("say who resets it: --by NAME.")
    if settings.staff_path.is_file() and _has_profiles(settings):
        return _fail(
            f"The staff list {settings.staff_path} still has profiles; a manager changes "
            "them in the app (Staff…). Nothing was reset.",
            1,
        )
    staff = StaffRef(profile_id=f"{OS_USER_PREFIX}{_os_user()}", name=args.by.strip())
    try:
        with Journal.open(
            settings.journal_path, shop_uuid=settings.shop_uuid, counter=settings.counter_name
        ) as journal:
            journal.record_event(
                STAFF_LIST_RESET, staff=staff, note="staff list lost; started afresh"
            )
    except JournalError as exc:
        return _fail(str(exc), 1)
    print(
        "Journaled. At the next start the app asks for a first manager again (restart it if "
        "it is running)."
    )
    return 0


def _has_profiles(settings: Settings) -> bool:
    import sqlite3

    try:
        with sqlite3.connect(f"{settings.staff_path.resolve().as_uri()}?mode=ro", uri=True) as db:
            return bool(db.execute("SELECT count(*) FROM staff").fetchone()[0])
    except sqlite3.Error:
        return False


def _cmd_settings(args: argparse.Namespace) -> int:
    from pos_app.services.rollout import export_settings, import_settings, missing_secrets
    from pos_app.services.secrets import SecretStore
    from pos_app.services.settings import SettingsError, default_config_file

    try:
        if args.action == "export":
            written = export_settings(_settings_of(args), args.file)
            print(f"Wrote the shop's settings to {written} (no secrets, not this PC's name).")
            return 0
        target = args.config or default_config_file()
        settings = import_settings(args.file, target)
    except SettingsError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write the settings: {exc}")
    print(f"Took the shop's settings into {target}.")
    return _ask_for_secrets(missing_secrets(settings, SecretStore()), args.secrets_from_stdin)


def _ask_for_secrets(missing: list[SecretName], from_stdin: bool) -> int:
    """Store the secrets an imported counter still needs (asked for, or from stdin)."""
    from pos_app.services.secrets import KeyringUnavailableError, SecretStore

    if not missing:
        print("Every secret these settings need is already stored.")
        return 0
    store = SecretStore()
    given: dict[str, str] = {}
    if from_stdin:
        for line in sys.stdin:
            name, _, value = line.strip().partition("=")
            if value:
                given[name.strip()] = value.strip()
    left = []
    try:
        for name in missing:
            value = given.get(name.value)
            if value is None and not from_stdin and sys.stdin.isatty():
                value = getpass.getpass(f"{name.label} (input hidden): ").strip()
            if value:
                store.set(name, value)
                print(f"Stored the {name.label} in the OS keyring.")
            else:
                left.append(name)
    except KeyringUnavailableError as exc:
        return _fail(str(exc))
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        left = missing
    if left:
        for name in left:
            print(f"Still needed: the {name.label} (`pos-app secrets set {name.value}`).")
        return 1
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from pos_app.services.settings import SettingsError

    try:
        if args.self_test:
            # Qt is imported only here: the command-line tools work without a display.
            from pos_app.ui.self_test import run_self_test

            return run_self_test(faults=args.fault, data_dir=args.data_dir, started=_STARTED)
        if args.demo:
            from pos_app.demo import DemoSession

            with DemoSession(data_dir=args.data_dir, faults=args.fault, background=True) as demo:
                settings = demo.settings
                if args.kiosk:
                    settings = settings.with_overrides(kiosk=True)
                return _start_gui(settings, demo.secrets, demo=demo.info)
        if args.fault:
            return _fail("--fault only works together with --demo or --self-test.")
        from pos_app.services.secrets import SecretStore
        from pos_app.services.settings import SettingsSource, default_config_file

        overrides: dict[str, object] = {}
        if args.data_dir:
            overrides["data_dir"] = args.data_dir
        if args.kiosk:
            overrides["kiosk"] = True
        source = SettingsSource(args.config or default_config_file(), overrides)
        return _start_gui(source.load(), SecretStore(), source=source)
    except SettingsError as exc:
        return _fail(str(exc), 1)


def _start_gui(
    settings: Settings,
    secrets: SecretStore,
    *,
    demo: DemoInfo | None = None,
    source: SettingsSource | None = None,
) -> int:
    # Qt is imported only here: the command-line tools work on machines without a display.
    from pos_app.services.connections import build_clients
    from pos_app.ui.app import run_gui

    clients = build_clients(settings, secrets)
    return run_gui(settings, clients, secrets=secrets, demo=demo, source=source)


def _cmd_shared_journal(args: argparse.Namespace) -> int:
    import asyncio

    from pos_app.services.secrets import SecretStore
    from pos_app.services.settings import SettingsError
    from pos_app.services.shared_journal import NO_DRIVER, SharedJournal, set_up_database
    from pos_app.storage import JournalError

    try:
        from pos_app.storage.shared import SharedJournalError
    except ImportError:  # the PC lacks the PostgreSQL client library
        return _fail(NO_DRIVER, 1)

    try:
        settings = _settings_of(args)
    except SettingsError as exc:
        return _fail(str(exc), 1)
    if args.action == "migrate":
        try:
            version = asyncio.run(
                set_up_database(args.owner_url, root_cert=settings.shared_journal_root_cert)
            )
        except (SharedJournalError, ValueError) as exc:
            return _fail(str(exc), 1)
        print(f"The shared journal's tables are at format {version}.")
        return 0

    async def status() -> int:
        shared = await SharedJournal.open(settings, SecretStore())
        if shared is None:
            return _fail("no shared journal is set up (setting shared_journal_url).", 1)
        try:
            found = await shared.status()
        finally:
            await shared.aclose()
        print(f"Shared journal: {found.database}")
        waiting = found.backlog
        if waiting.rows:
            print(f"Waiting to be copied: {waiting.rows} rows, the oldest from {waiting.oldest}")
        else:
            print("Waiting to be copied: none")
        if found.conflict is not None:
            print(
                f"Row {found.conflict.seq} of this counter's journal: {found.conflict.reason}; "
                "copying stops there (nothing is written over)"
            )
        if found.error is not None:
            print(found.error)
        elif found.verified is not None:
            print(f"In the shared journal: {found.verified.describe()}")
        return 0 if found.ok else 1

    try:
        return asyncio.run(status())
    except JournalError as exc:
        return _fail(str(exc), 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    if args.command == "secrets":
        return _cmd_secrets(args)
    if args.command == "doctor":
        return _cmd_doctor(args)
    if args.command == "staff":
        return _cmd_staff(args)
    if args.command == "journal":
        return _cmd_journal(args)
    if args.command == "settings":
        return _cmd_settings(args)
    if args.command == "shared-journal":
        return _cmd_shared_journal(args)
    return _cmd_gui(args)


if __name__ == "__main__":
    sys.exit(main())
