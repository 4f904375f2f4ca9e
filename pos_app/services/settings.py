"""The app's settings: one typed class, a TOML file, and POS_APP_* environment overrides.

Precedence, highest first: command-line options (applied by the caller with
:meth:`Settings.with_overrides`), ``POS_APP_*`` environment variables, the TOML file in the
platform's config folder, the defaults below. Secrets are *not* settings: they live in the
OS keyring (see :mod:`pos_app.services.secrets`) and never in the TOML file.

The settings are read before the window's first paint, so they do without pydantic and
pydantic-settings (importing them took about 230 ms of the start); values are read as
pydantic's lax mode read them (see :mod:`pos_app.services.setting_values`), the
environment as pydantic-settings read it.
"""

from __future__ import annotations

import os
import socket
import urllib.parse
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar, Self, get_type_hints

import platformdirs

from pos_app.services.receipt_printer import PrinterAddress, ReceiptPaper
from pos_app.services.setting_values import Refused, SettingInfo, setting, typed

APP_DIR_NAME = "pos-app"
ENV_PREFIX = "POS_APP_"
#: Points the app at another settings file (tests, several counters on one machine).
CONFIG_FILE_ENV = "POS_APP_CONFIG_FILE"


class PiggyAuthMode(StrEnum):
    """How the app authenticates against Piggy."""

    #: A personal access token or a legacy API key, sent as a bearer token.
    TOKEN = "token"
    #: OAuth client credentials: client id (a setting) + client secret (in the keyring).
    CLIENT_CREDENTIALS = "client_credentials"


class NudjIdKind(StrEnum):
    """Where the Nudj user id of a customer comes from."""

    #: The Piggy contact uuid (when the shop registers customers in Nudj under it).
    UUID = "uuid"
    #: The contact's email address.
    EMAIL = "email"
    #: A Piggy contact attribute (``attribute:NAME``), e.g. a Nudj id synced into Piggy.
    ATTRIBUTE = "attribute"


@dataclass(frozen=True)
class NudjUserIdSource:
    """The parsed ``nudj_user_id_source`` setting."""

    kind: NudjIdKind
    #: The contact attribute's name, for ``NudjIdKind.ATTRIBUTE`` only.
    attribute: str | None = None

    @classmethod
    def parse(cls, text: str) -> NudjUserIdSource:
        """``uuid``, ``email`` or ``attribute:NAME``; ValueError with a readable message."""
        value = text.strip()
        kind, colon, name = value.partition(":")
        kind = kind.strip().lower()
        if not colon and kind in (NudjIdKind.UUID, NudjIdKind.EMAIL):
            return cls(NudjIdKind(kind))
        if kind == NudjIdKind.ATTRIBUTE and name.strip():
            return cls(NudjIdKind.ATTRIBUTE, name.strip())
        raise ValueError("must be 'uuid', 'email' or 'attribute:NAME' (a Piggy contact attribute)")

    def __str__(self) -> str:
        if self.kind is NudjIdKind.ATTRIBUTE:
            return f"{self.kind.value}:{self.attribute}"
        return self.kind.value


class PrintSlip(StrEnum):
    """Whether a pickup slip is printed after a hand-over."""

    #: The cashier is offered the slip (print, save as PDF, or no slip).
    ASK = "ask"
    #: Printed on the slip printer without asking (the dialog opens if there is none).
    ALWAYS = "always"
    NEVER = "never"


class SlipPaper(StrEnum):
    """The paper pickup slips are printed on (the slips' drawing formats are these)."""

    #: Receipt printers: 80 mm wide, the page as long as the slip.
    RECEIPT = "receipt_80mm"
    A4 = "a4"


class SettingsError(Exception):
    """The settings file or an environment override is not usable; the message says why."""


class InvalidSettingsError(ValueError):
    """Values that are not usable as settings (a ValueError, as pydantic's was).

    ``problems``: ``(name, what is wrong)`` per refused value, in the settings' order, then
    the unknown names. A refused value is never repeated: a connection URL may hold a
    password.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("\n".join(f"{name}: {message}" for name, message in problems))
        self.problems = problems


def default_config_file() -> Path:
    override = os.environ.get(CONFIG_FILE_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)) / "settings.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


# --- the checks of single settings: a ValueError refuses the value ----------------------


def _check_url(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip().rstrip("/")
    if not value.startswith(("http://", "https://")):
        raise ValueError("must start with http:// or https://")
    return value


def _blank_is_none(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return value.strip()


def _check_escpos_printer(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    # Kept as the person wrote it; parsed once to check it.
    PrinterAddress.parse(value)
    return value.strip()


def _check_nudj_source(value: str) -> str:
    # Kept as text (the file and the environment hold text); parsed once to check it.
    return str(NudjUserIdSource.parse(value))


def _expand_dir(value: Path) -> Path:
    return value.expanduser()


def _check_shared_journal_url(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    # Parsed here without the database driver, which is loaded only when one is used.
    parts = urllib.parse.urlsplit(value)
    if parts.scheme not in ("postgresql", "postgres"):
        raise ValueError("must start with postgresql:// (postgresql://LOGIN@HOST/DATABASE)")
    query = {name.lower() for name, _ in urllib.parse.parse_qsl(parts.query)}
    if parts.password is not None or "password" in query:
        raise ValueError(
            "must not hold the password: keep it in the OS keyring instead "
            "(pos-app secrets set shared-journal-password)"
        )
    return value


def _blank_path_is_none(value: object) -> object:
    """Runs on the value as given, before it is read as a path."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return Path(str(value)).expanduser()


def _check_language(value: str) -> str:
    value = value.strip()
    if not value or len(value) > 35:
        raise ValueError("must be a language tag such as 'en' or 'nl-NL'")
    return value


@dataclass(init=False)
class Settings:
    """Everything the app can be told, with its default.

    Each field ``name`` can be overridden by the environment variable ``POS_APP_<NAME>``.
    ``Settings(**values)`` checks ``values`` with the environment on top (it beats them);
    a value that is not usable raises :class:`InvalidSettingsError`, a ValueError.
    """

    #: Every setting by name, in their order.
    model_fields: ClassVar[dict[str, SettingInfo]]

    piggy_base_url: str = setting(
        check=_check_url,
        default="https://api.piggy.eu",
        description="Root of the Piggy (Leat) API host; the app adds /api/v3/oauth/clients.",
    )
    piggy_auth_mode: PiggyAuthMode = setting(
        default=PiggyAuthMode.TOKEN,
        description="'token' (personal access token / API key) or 'client_credentials'.",
    )
    piggy_client_id: str | None = setting(
        default=None, description="OAuth client id, for piggy_auth_mode = client_credentials."
    )
    shop_uuid: str | None = setting(
        default=None, description="The Piggy shop this counter belongs to."
    )
    giftoin_base_url: str | None = setting(
        check=_check_url,
        default="https://api.giftoin.org",
        description="Root of the Giftoin API host; empty turns the Giftoin section off.",
    )
    nudj_base_url: str | None = setting(
        check=_check_url,
        default=None,
        description="Your Nudj host, e.g. https://yourshop.nudj.cx; empty turns Nudj off.",
    )
    giftoin_platform: str | None = setting(
        check=_blank_is_none,
        default=None,
        description=(
            "The platform Giftoin knows the shop's customers by (e.g. 'discord'); "
            "empty leaves the Giftoin section unlinked."
        ),
    )
    giftoin_user_attribute: str | None = setting(
        check=_blank_is_none,
        default=None,
        description=(
            "The Piggy contact attribute holding the customer's id on giftoin_platform "
            "(e.g. 'discord_id')."
        ),
    )
    nudj_user_id_source: str = setting(
        check=_check_nudj_source,
        default=NudjIdKind.UUID.value,
        description=(
            "What the customer's Nudj user id is: 'uuid' (the Piggy contact uuid), 'email', "
            "or 'attribute:NAME' (a Piggy contact attribute)."
        ),
    )
    language: str = setting(
        check=_check_language,
        default="en",
        description="Language of the app and of Nudj texts.",
    )
    request_timeout: float = setting(
        default=10.0, gt=0, le=120, description="Seconds to wait for an API answer."
    )
    settle_grace_seconds: float = setting(
        default=120.0,
        ge=0,
        le=3600,
        description=(
            "Seconds after sending a hand-over or reversal whose answer was lost before "
            "'the reward is still in the list' counts as 'it did not happen' (a slow "
            "server may still apply it)."
        ),
    )
    data_dir: Path = setting(
        check=_expand_dir,
        default_factory=default_data_dir,
        description="Folder for the journal and the picture cache.",
    )
    require_code_for_email: bool = setting(
        default=True,
        description="Customers found by email must read out the code Piggy emails them.",
    )
    counter_name: str = setting(
        default_factory=socket.gethostname,
        description="Name of this counter, recorded with every pickup.",
    )
    print_slip: PrintSlip = setting(
        default=PrintSlip.ASK,
        description="After a hand-over: 'ask' to print a pickup slip, 'always' or 'never'.",
    )
    slip_printer: str | None = setting(
        check=_blank_is_none,
        default=None,
        description=(
            "The printer pickup slips go to, by its name on this PC; empty: the system's "
            "default printer."
        ),
    )
    slip_paper: SlipPaper = setting(
        default=SlipPaper.RECEIPT,
        description="The paper of pickup slips: 'receipt_80mm' (a receipt printer) or 'a4'.",
    )
    escpos_printer: str | None = setting(
        check=_check_escpos_printer,
        default=None,
        description=(
            "An ESC/POS receipt printer that prints pickup slips directly: tcp://HOST[:PORT], "
            "usb://VENDOR:PRODUCT, serial://DEVICE[?baudrate=N] or queue://NAME (a raw print "
            "queue); empty: slips go to slip_printer through the system."
        ),
    )
    escpos_paper: ReceiptPaper = setting(
        default=ReceiptPaper.MM80,
        description="The ESC/POS printer's paper: '58mm' (32 columns), '80mm' (48 columns) or "
        "'80mm_42col' (80 mm at 180 dpi, e.g. Epson TM-T88).",
    )
    escpos_native_qr: bool = setting(
        default=True,
        description="The ESC/POS printer draws the slip's QR code itself; false sends it as a "
        "picture (for printers without a QR command).",
    )
    require_staff_sign_in: bool = setting(
        default=False,
        description="Staff pick their name and type their PIN before working at the counter.",
    )
    staff_idle_sign_out_minutes: float = setting(
        default=10.0,
        gt=0,
        le=24 * 60,
        description="Minutes without any input after which the signed-in person is signed out.",
    )
    kiosk: bool = setting(
        default=False,
        description="Run locked down for a shared counter PC (full screen; leaving needs a "
        "manager PIN).",
    )
    kiosk_idle_seconds: float = setting(
        default=60.0,
        ge=15,
        le=60 * 60,
        description="Kiosk mode: seconds without input after which the customer is wiped from "
        "the screen (the last 10 s are counted down).",
    )
    kiosk_hide_cursor: bool = setting(
        default=False,
        description="Kiosk mode: hide the mouse pointer (for touch screens).",
    )
    kiosk_camera: bool = setting(
        default=False,
        description="Kiosk mode: the home screen shows the camera and reads QR codes and "
        "barcodes held in front of it (for a kiosk without a scanner).",
    )
    camera_device: str | None = setting(
        check=_blank_is_none,
        default=None,
        description=(
            "The camera the camera view uses, e.g. /dev/video2; empty: the first camera "
            "found. 'demo' plays pictures of a demo card instead (no camera needed)."
        ),
    )
    shared_journal_url: str | None = setting(
        check=_check_shared_journal_url,
        default=None,
        description=(
            "The shop's shared journal on PostgreSQL, as postgresql://LOGIN@HOST/DATABASE "
            "(this counter's login); empty: this counter's own journal only. The password "
            "goes in the OS keyring (pos-app secrets set shared-journal-password), never here."
        ),
    )
    shared_journal_root_cert: Path | None = setting(
        before=_blank_path_is_none,
        default=None,
        description=(
            "The root certificate (PEM file) the shared journal's server certificate must "
            "chain to (TLS verify-full); empty: the system's certificate store."
        ),
    )
    scan_sound: bool = setting(
        default=True,
        description="A short sound after a scan: two rising notes when the customer is found, "
        "a low one when nobody is (Windows; elsewhere the system bell for nobody only).",
    )

    def __init__(self, **values: Any) -> None:
        self._fill(*_checked(values, environment=True))

    def _fill(self, values: Mapping[str, Any], fields_set: set[str]) -> None:
        vars(self).update(values)
        #: The settings given (by the file, the environment or a caller), not defaulted.
        self.model_fields_set: set[str] = fields_set

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """Settings with these values and defaults for the others, *not* checked."""
        given = {name: values[name] for name in cls.model_fields if name in values}
        settings = cls.__new__(cls)
        settings._fill(
            {
                name: given[name] if name in given else info.default_value()
                for name, info in cls.model_fields.items()
            },
            set(given) if _fields_set is None else set(_fields_set),
        )
        return settings

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A copy with ``update`` applied as it is, *not* checked."""
        copy = type(self).__new__(type(self))
        copy._fill(self.model_dump(), set(self.model_fields_set))
        if update:
            vars(copy).update(update)
            copy.model_fields_set |= set(update)
        return copy

    def model_dump(self) -> dict[str, Any]:
        """Every setting by name, its value as it is (choices as members, folders as paths)."""
        return {name: getattr(self, name) for name in self.model_fields}

    def model_dump_json(self) -> str:
        """The dump as compact JSON (choices and folders as text), as pydantic wrote it."""
        import json

        return json.dumps(self.model_dump(), default=str, ensure_ascii=False, separators=(",", ":"))

    def with_overrides(self, **changes: Any) -> Self:
        """A copy with command-line options applied on top (validated like the rest).

        Options beat the environment: validation here does not read POS_APP_* again.
        None is "not given".
        """
        data = self.model_dump()
        data.update({key: value for key, value in changes.items() if value is not None})
        checked, _ = _checked(data, environment=False)
        return type(self).model_construct(
            _fields_set=self.model_fields_set | set(changes), **checked
        )

    @property
    def journal_path(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @property
    def staff_path(self) -> Path:
        return self.data_dir / "staff.sqlite3"

    @property
    def picture_cache_dir(self) -> Path:
        return self.data_dir / "pictures"

    @property
    def ui_state_path(self) -> Path:
        """Window state the app remembers by itself (a collapsed panel), not settings."""
        return self.data_dir / "ui_state.ini"

    @property
    def escpos_address(self) -> PrinterAddress | None:
        """The ESC/POS slip printer; None: slips print through the system's printers."""
        return PrinterAddress.parse(self.escpos_printer) if self.escpos_printer else None

    @property
    def nudj_user_id(self) -> NudjUserIdSource:
        return NudjUserIdSource.parse(self.nudj_user_id_source)


def _setting_infos() -> dict[str, SettingInfo]:
    """Each field's :class:`SettingInfo`, reading values as its annotation says."""
    hints = get_type_hints(Settings)
    return {
        item.name: typed(item.metadata["setting"], hints[item.name]) for item in fields(Settings)
    }


Settings.model_fields = _setting_infos()


def _from_environment() -> dict[str, str]:
    """The ``POS_APP_<NAME>`` variables of settings; others (tokens) are read elsewhere.

    As pydantic-settings read them: the names in any case, an empty variable is not set.
    """
    variables = {name.lower(): value for name, value in os.environ.items() if value != ""}
    prefix = ENV_PREFIX.lower()
    return {
        name: variables[prefix + name]
        for name in Settings.model_fields
        if prefix + name in variables
    }


def _checked(values: Mapping[str, Any], *, environment: bool) -> tuple[dict[str, Any], set[str]]:
    """Every setting checked, from ``values`` (names in any case) or its default.

    ``environment``: POS_APP_* variables beat ``values``. Returns the settings and the names
    given; raises :class:`InvalidSettingsError` naming every value that is not usable.
    """
    given: dict[str, Any] = {}
    unknown: list[tuple[str, str]] = []
    for key, value in values.items():
        name = key.lower()
        if name not in Settings.model_fields:
            unknown.append((key, "not a known setting"))
        elif name not in given:  # the first of two spellings counts
            given[name] = value
    if environment:
        given.update(_from_environment())
    checked: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name, info in Settings.model_fields.items():
        try:
            checked[name] = info.validate(given[name] if name in given else info.default_value())
        except Refused as exc:
            problems.append((name, str(exc)))
        except ValueError as exc:
            problems.append((name, f"Value error, {exc}"))
    if problems or unknown:
        raise InvalidSettingsError(problems + unknown)
    return checked, set(given)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here: the demo and a counter without a file need no TOML parser

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"The settings file {path} is not valid TOML: {exc}") from exc
    except OSError as exc:
        raise SettingsError(f"The settings file {path} cannot be read: {exc}") from exc


def _describe(exc: InvalidSettingsError, path: Path) -> str:
    lines = [f"Some settings are not usable (file {path}, or a POS_APP_* variable):"]
    lines += [f"  - {name}: {message}" for name, message in exc.problems]
    return "\n".join(lines)


def load_settings(
    path: Path | None = None, *, use_file: bool = True, use_environment: bool = True
) -> Settings:
    """Load the settings file (if any) with environment overrides on top.

    ``use_file=False`` ignores the file (demo mode must not depend on a shop's setup);
    ``use_environment=False`` takes the file alone (what an import writes into a file).
    Raises :class:`SettingsError` with a message fit for a person.
    """
    path = path or default_config_file()
    data = _read_toml(path) if use_file else {}
    try:
        if use_environment:
            return Settings(**data)
        checked, given = _checked(data, environment=False)
    except InvalidSettingsError as exc:
        raise SettingsError(_describe(exc, path)) from exc
    return Settings.model_construct(_fields_set=given, **checked)


@dataclass(frozen=True)
class SettingsSource:
    """Where a real start's settings come from: the file, the environment, the options.

    ``overrides`` are the command line's (``--data-dir``, ``--kiosk``): they beat the file
    and the environment, and they hold again when the settings are loaded again.
    """

    config_file: Path
    overrides: Mapping[str, Any] = field(default_factory=dict)

    def load(self) -> Settings:
        return load_settings(self.config_file).with_overrides(**self.overrides)


def save_settings(
    settings: Settings, path: Path | None = None, *, leave_out: Collection[str] = ()
) -> Path:
    """Write the settings that differ from the defaults to the TOML file, atomically.

    ``leave_out``: setting names not to write (those of one PC, in an export).
    """
    path = path or default_config_file()
    defaults = Settings.model_construct()
    data: dict[str, Any] = {}
    for name in Settings.model_fields:
        if name in leave_out:
            continue
        value = getattr(settings, name)
        default = getattr(defaults, name, None)
        if value is None or value == default:
            continue
        data[name] = str(value) if isinstance(value, Path | StrEnum) else value
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    import tomli_w  # here: only Settings and setup write the file

    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)
    return path
