"""`pos-app --demo`: the whole app against the built-in simulator, with no accounts.

The simulator runs in-process on a background thread; the app talks to it over loopback
HTTP exactly as it talks to the real services. Demo mode reads no settings file and no
keyring, and keeps its journal in a throw-away folder unless ``--data-dir`` is given, so
every launch starts fresh and nothing touches a shop's real setup.

Started ``background=True`` (the demo and the self-test), the session only binds the
simulator's socket and points the settings at it: the app starts the server once its
window is painted (:attr:`DemoInfo.start_simulator`), and a request sent before that waits
in the socket's backlog until the server answers it. The demo staff's PINs are hashed on a
worker thread meanwhile (:attr:`DemoInfo.staff_added`).
"""

from __future__ import annotations

import socket
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pos_app.sandbox import FaultSyntaxError
from pos_app.sandbox import demo_data as demo
from pos_app.sandbox.faults import Fault, parse_assignment
from pos_app.sandbox.listener import bind_listener, url_of
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import Settings, SettingsError, load_settings
from pos_app.services.staff import DEMO_STAFF, DemoStaff, StaffDirectory

if TYPE_CHECKING:
    from pos_app.sandbox import Simulator

#: The staff PIN key of demo mode, which reads no keyring. The same in every demo, so that
#: a kept --data-dir opens again; its PINs are on the demo banner anyway.
DEMO_STAFF_PIN_KEY = "ZGVtby1zdGFmZi1waW4ta2V5LW5vdC1mb3Itc2hvcCE="


@dataclass(frozen=True)
class DemoCustomer:
    """A demo customer as the demo guide lists them (see ``sandbox/demo_data.py``).

    ``kind`` says what trying them shows; the window words it.
    """

    kind: str
    card: str | None
    email: str | None
    name: str | None


#: Every card and email of the demo data, and what each is for.
DEMO_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer("main", demo.CARD_MAIN, demo.EMAIL_MAIN, "Robin de Vries"),
    DemoCustomer("empty", demo.CARD_EMPTY, demo.EMAIL_EMPTY, "Alex Peters"),
    DemoCustomer("big", demo.CARD_BIG, demo.EMAIL_BIG, "Sam Groot"),
    DemoCustomer("no_card", None, demo.EMAIL_NO_CARD, "Kim Bakker"),
    DemoCustomer("unlinked", demo.CARD_UNLINKED, None, None),
    DemoCustomer("blocked", demo.CARD_BLOCKED, None, "Robin de Vries"),
)


@dataclass(frozen=True)
class DemoInfo:
    """What the window's DEMO banner and guide tell a person trying the app."""

    cards: tuple[str, ...]
    email: str
    #: The routes that misbehave (``piggy.collect``), sorted.
    faults: tuple[str, ...]
    #: The simulated customer's inbox: the last login code emailed to an address.
    mailbox: Callable[[str], str | None] | None = None
    #: Demo staff and their PINs, for the banner (demo profiles only, never a shop's).
    staff: tuple[DemoStaff, ...] = DEMO_STAFF
    customers: tuple[DemoCustomer, ...] = DEMO_CUSTOMERS
    #: How each of :attr:`faults` misbehaves, by route.
    fault_details: tuple[tuple[str, Fault], ...] = ()
    #: Blocks until the demo staff are in the staff list; the app calls it before it
    #: opens the list (None: they were added before the app started).
    staff_added: Callable[[], None] | None = None
    #: Starts the simulator, blocking until it serves; the app calls it once, on a worker
    #: thread, after its window is painted (None: it serves already).
    start_simulator: Callable[[], None] | None = None


class DemoSession:
    """Starts the simulator and builds settings and secrets that point the app at it.

    ``background``: the simulator and the demo staff are started as the module docstring
    says, for the app to finish through :attr:`info`; otherwise both are ready when the
    session is entered.
    """

    def __init__(
        self,
        *,
        data_dir: Path | None = None,
        faults: Sequence[str] = (),
        background: bool = False,
    ) -> None:
        self._data_dir = data_dir
        try:
            self._faults: dict[str, Fault] = dict(parse_assignment(text) for text in faults)
        except FaultSyntaxError as exc:
            raise SettingsError(f"--fault: {exc}") from exc
        self._background = background
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._listener: socket.socket | None = None
        self._serving = threading.Lock()
        self._staff_thread: threading.Thread | None = None
        self._staff_error: BaseException | None = None
        self.simulator: Simulator | None = None
        self.settings: Settings
        self.secrets: SecretStore

    def __enter__(self) -> DemoSession:
        self._listener = bind_listener()
        url = url_of(self._listener)
        if not self._background:
            self.start_simulator()
        if self._data_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="pos-app-demo-")
            data_dir = Path(self._tmp.name)
        else:
            data_dir = self._data_dir
        if self.simulator is not None:
            shop = self.simulator.state.data.shops[0]
        else:
            # The simulator builds the same data from the same seed when it starts.
            shop = demo.build_demo_data(datetime.now(UTC)).shops[0]
        # Environment variables may still pick the language or the counter name, but never
        # where the APIs are, nor a shared journal: the demo must not talk to a real shop's
        # account, nor copy its made-up pickups into the shop's journal.
        from_environment = load_settings(use_file=False).model_copy(
            update={"shared_journal_url": None, "shared_journal_root_cert": None}
        )
        self.settings = from_environment.with_overrides(
            piggy_base_url=url,
            giftoin_base_url=url,
            nudj_base_url=url,
            shop_uuid=shop.uuid,
            data_dir=data_dir,
            # Where the demo customers' Giftoin and Nudj accounts are found (demo_data.py).
            giftoin_platform=demo.GIFTOIN_PLATFORM,
            giftoin_user_attribute=demo.GIFTOIN_USER_ATTRIBUTE,
            nudj_user_id_source="uuid",
        )
        self.secrets = SecretStore(
            env={
                SecretName.PIGGY_TOKEN.env_var: demo.DEMO_PIGGY_TOKEN,
                SecretName.GIFTOIN_API_KEY.env_var: demo.DEMO_GIFTOIN_KEY,
                SecretName.NUDJ_TOKEN.env_var: demo.DEMO_NUDJ_TOKEN,
                SecretName.STAFF_PIN_KEY.env_var: DEMO_STAFF_PIN_KEY,
            },
            use_keyring=False,
        )
        if self._background:
            # scrypt lets go of the GIL: the PINs are hashed while the app imports its window.
            self._staff_thread = threading.Thread(
                target=self._add_demo_staff_reporting, name="pos-app-demo-staff", daemon=True
            )
            self._staff_thread.start()
        else:
            self._add_demo_staff()
        return self

    def _add_demo_staff(self) -> None:
        """Demo staff, so that reversing and signing in can be tried at once. A kept data
        folder that has staff already is left as it is."""
        with StaffDirectory.open(
            self.settings.staff_path, pin_key=self.secrets.staff_pin_key()
        ) as staff:
            staff.add_demo_staff()

    def _add_demo_staff_reporting(self) -> None:
        try:
            self._add_demo_staff()
        except BaseException as exc:  # raised again by wait_for_staff, on the app's side
            self._staff_error = exc

    def wait_for_staff(self) -> None:
        """Block until the demo staff are added; raises what adding them raised."""
        thread = self._staff_thread
        if thread is not None:
            thread.join()
        if self._staff_error is not None:
            raise self._staff_error

    def start_simulator(self) -> None:
        """Serve on the socket bound when the session was entered (once; blocks until it
        serves)."""
        from pos_app.sandbox import start_simulator

        with self._serving:
            if self.simulator is not None or self._listener is None:
                return
            self.simulator = start_simulator(faults=self._faults, listener=self._listener)

    def _mailbox(self, email: str) -> str | None:
        simulator = self.simulator
        return simulator.last_verification_code(email) if simulator is not None else None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._staff_thread is not None:
            self._staff_thread.join()
            self._staff_thread = None
        with self._serving:
            if self.simulator is not None:
                self.simulator.stop()  # closes the socket too
                self.simulator = None
            elif self._listener is not None:
                self._listener.close()
            self._listener = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    @property
    def info(self) -> DemoInfo:
        background = self._background
        return DemoInfo(
            cards=demo.DEMO_CARDS,
            email=demo.EMAIL_MAIN,
            faults=tuple(sorted(self._faults)),
            fault_details=tuple(sorted(self._faults.items())),
            mailbox=self._mailbox if self._listener is not None else None,
            staff_added=self.wait_for_staff if background else None,
            start_simulator=self.start_simulator if background and self.simulator is None else None,
        )
