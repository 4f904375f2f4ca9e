"""The app's settings: one typed model, a TOML file, and POS_APP_* environment overrides.

Precedence, highest first: command-line options (applied by the caller with
:meth:`Settings.with_overrides`), ``POS_APP_*`` environment variables, the TOML file in the
platform's config folder, the defaults below. Secrets are *not* settings: they live in the
OS keyring (see :mod:`pos_app.services.secrets`) and never in the TOML file.
"""

from __future__ import annotations

import os
import socket
import tomllib
import urllib.parse
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from pos_app.services.receipt_printer import PrinterAddress, ReceiptPaper

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


def default_config_file() -> Path:
    override = os.environ.get(CONFIG_FILE_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)) / "settings.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


class Settings(BaseSettings):
    """Everything the app can be told, with its default.

    Each field ``name`` can be overridden by the environment variable ``POS_APP_<NAME>``.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        extra="forbid",
        validate_default=True,
        # Environment variables that are not settings (tokens, POS_APP_CONFIG_FILE) are
        # read elsewhere; they must not make loading fail.
        env_ignore_empty=True,
        # A refused value is not repeated in the error: a connection URL may hold a password.
        hide_input_in_errors=True,
    )

    piggy_base_url: str = Field(
        default="https://api.piggy.eu",
        description="Root of the Piggy (Leat) API host; the app adds /api/v3/oauth/clients.",
    )
    piggy_auth_mode: PiggyAuthMode = Field(
        default=PiggyAuthMode.TOKEN,
        description="'token' (personal access token / API key) or 'client_credentials'.",
    )
    piggy_client_id: str | None = Field(
        default=None, description="OAuth client id, for piggy_auth_mode = client_credentials."
    )
    shop_uuid: str | None = Field(
        default=None, description="The Piggy shop this counter belongs to."
    )
    giftoin_base_url: str | None = Field(
        default="https://api.giftoin.org",
        description="Root of the Giftoin API host; empty turns the Giftoin section off.",
    )
    nudj_base_url: str | None = Field(
        default=None,
        description="Your Nudj host, e.g. https://yourshop.nudj.cx; empty turns Nudj off.",
    )
    giftoin_platform: str | None = Field(
        default=None,
        description=(
            "The platform Giftoin knows the shop's customers by (e.g. 'discord'); "
            "empty leaves the Giftoin section unlinked."
        ),
    )
    giftoin_user_attribute: str | None = Field(
        default=None,
        description=(
            "The Piggy contact attribute holding the customer's id on giftoin_platform "
            "(e.g. 'discord_id')."
        ),
    )
    nudj_user_id_source: str = Field(
        default=NudjIdKind.UUID.value,
        description=(
            "What the customer's Nudj user id is: 'uuid' (the Piggy contact uuid), 'email', "
            "or 'attribute:NAME' (a Piggy contact attribute)."
        ),
    )
    language: str = Field(default="en", description="Language of the app and of Nudj texts.")
    request_timeout: float = Field(
        default=10.0, gt=0, le=120, description="Seconds to wait for an API answer."
    )
    settle_grace_seconds: float = Field(
        default=120.0,
        ge=0,
        le=3600,
        description=(
            "Seconds after sending a hand-over or reversal whose answer was lost before "
            "'the reward is still in the list' counts as 'it did not happen' (a slow "
            "server may still apply it)."
        ),
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the journal and the picture cache.",
    )
    require_code_for_email: bool = Field(
        default=True,
        description="Customers found by email must read out the code Piggy emails them.",
    )
    counter_name: str = Field(
        default_factory=socket.gethostname,
        description="Name of this counter, recorded with every pickup.",
    )
    print_slip: PrintSlip = Field(
        default=PrintSlip.ASK,
        description="After a hand-over: 'ask' to print a pickup slip, 'always' or 'never'.",
    )
    slip_printer: str | None = Field(
        default=None,
        description=(
            "The printer pickup slips go to, by its name on this PC; empty: the system's "
            "default printer."
        ),
    )
    slip_paper: SlipPaper = Field(
        default=SlipPaper.RECEIPT,
        description="The paper of pickup slips: 'receipt_80mm' (a receipt printer) or 'a4'.",
    )
    escpos_printer: str | None = Field(
        default=None,
        description=(
            "An ESC/POS receipt printer that prints pickup slips directly: tcp://HOST[:PORT], "
            "usb://VENDOR:PRODUCT, serial://DEVICE[?baudrate=N] or queue://NAME (a raw print "
            "queue); empty: slips go to slip_printer through the system."
        ),
    )
    escpos_paper: ReceiptPaper = Field(
        default=ReceiptPaper.MM80,
        description="The ESC/POS printer's paper: '58mm' (32 columns), '80mm' (48 columns) or "
        "'80mm_42col' (80 mm at 180 dpi, e.g. Epson TM-T88).",
    )
    escpos_native_qr: bool = Field(
        default=True,
        description="The ESC/POS printer draws the slip's QR code itself; false sends it as a "
        "picture (for printers without a QR command).",
    )
    require_staff_sign_in: bool = Field(
        default=False,
        description="Staff pick their name and type their PIN before working at the counter.",
    )
    staff_idle_sign_out_minutes: float = Field(
        default=10.0,
        gt=0,
        le=24 * 60,
        description="Minutes without any input after which the signed-in person is signed out.",
    )
    kiosk: bool = Field(
        default=False,
        description="Run locked down for a shared counter PC (full screen; leaving needs a "
        "manager PIN).",
    )
    kiosk_idle_seconds: float = Field(
        default=60.0,
        ge=15,
        le=60 * 60,
        description="Kiosk mode: seconds without input after which the customer is wiped from "
        "the screen (the last 10 s are counted down).",
    )
    kiosk_hide_cursor: bool = Field(
        default=False,
        description="Kiosk mode: hide the mouse pointer (for touch screens).",
    )
    kiosk_camera: bool = Field(
        default=False,
        description="Kiosk mode: the home screen shows the camera and reads QR codes and "
        "barcodes held in front of it (for a kiosk without a scanner).",
    )
    camera_device: str | None = Field(
        default=None,
        description=(
            "The camera the camera view uses, e.g. /dev/video2; empty: the first camera "
            "found. 'demo' plays pictures of a demo card instead (no camera needed)."
        ),
    )
    shared_journal_url: str | None = Field(
        default=None,
        description=(
            "The shop's shared journal on PostgreSQL, as postgresql://LOGIN@HOST/DATABASE "
            "(this counter's login); empty: this counter's own journal only. The password "
            "goes in the OS keyring (pos-app secrets set shared-journal-password), never here."
        ),
    )
    shared_journal_root_cert: Path | None = Field(
        default=None,
        description=(
            "The root certificate (PEM file) the shared journal's server certificate must "
            "chain to (TLS verify-full); empty: the system's certificate store."
        ),
    )
    scan_sound: bool = Field(
        default=True,
        description="A short sound after a scan: two rising notes when the customer is found, "
        "a low one when nobody is (Windows; elsewhere the system bell for nobody only).",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The file's values come in as init kwargs (see load_settings); the environment
        # must beat the file, so it goes first. No .env files and no secrets folders:
        # secrets belong in the keyring.
        return (env_settings, init_settings)

    @field_validator("piggy_base_url", "giftoin_base_url", "nudj_base_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("giftoin_platform", "giftoin_user_attribute", "slip_printer", "camera_device")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        return value.strip()

    @field_validator("escpos_printer")
    @classmethod
    def _check_escpos_printer(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        # Kept as the person wrote it; parsed once to check it.
        PrinterAddress.parse(value)
        return value.strip()

    @field_validator("nudj_user_id_source")
    @classmethod
    def _check_nudj_source(cls, value: str) -> str:
        # Kept as text (the file and the environment hold text); parsed once to check it.
        return str(NudjUserIdSource.parse(value))

    @field_validator("data_dir")
    @classmethod
    def _expand_dir(cls, value: Path) -> Path:
        return value.expanduser()

    @field_validator("shared_journal_url")
    @classmethod
    def _check_shared_journal_url(cls, value: str | None) -> str | None:
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

    @field_validator("shared_journal_root_cert", mode="before")
    @classmethod
    def _blank_path_is_none(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return Path(str(value)).expanduser()

    @field_validator("language")
    @classmethod
    def _check_language(cls, value: str) -> str:
        value = value.strip()
        if not value or len(value) > 35:
            raise ValueError("must be a language tag such as 'en' or 'nl-NL'")
        return value

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with command-line options applied on top (validated like the rest).

        Options beat the environment: validation here must not read POS_APP_* again,
        which ``model_validate`` on a BaseSettings would (it runs ``__init__``).
        """
        data = self.model_dump()
        data.update({key: value for key, value in changes.items() if value is not None})
        checked = _WithoutEnvironment(**data)
        return type(self).model_construct(
            _fields_set=self.model_fields_set | set(changes), **checked.__dict__
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


class _WithoutEnvironment(Settings):
    """Validates given values only: no environment, no file."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"The settings file {path} is not valid TOML: {exc}") from exc
    except OSError as exc:
        raise SettingsError(f"The settings file {path} cannot be read: {exc}") from exc


def _describe(exc: ValidationError, path: Path) -> str:
    lines = [f"Some settings are not usable (file {path}, or a POS_APP_* variable):"]
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or "(file)"
        if error["type"] == "extra_forbidden":
            lines.append(f"  - {name}: not a known setting")
        else:
            lines.append(f"  - {name}: {error['msg']}")
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
        checked = _WithoutEnvironment(**data)
    except ValidationError as exc:
        raise SettingsError(_describe(exc, path)) from exc
    return Settings.model_construct(_fields_set=checked.model_fields_set, **checked.__dict__)


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
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)
    return path
