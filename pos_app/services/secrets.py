"""API secrets: kept in the OS keyring, never in the settings file.

For headless machines a secret may also come from an environment variable (documented as
the lesser option: environment variables leak into crash reports and child processes).
When both exist the environment variable wins, so a service unit can pin a value without
touching the keyring.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

#: The keyring "service" name under which the app's secrets are stored.
KEYRING_SERVICE = "pos-app"


class SecretName(StrEnum):
    """The secrets the app knows; the values are what `pos-app secrets` takes."""

    PIGGY_TOKEN = "piggy-token"
    PIGGY_CLIENT_SECRET = "piggy-client-secret"
    GIFTOIN_API_KEY = "giftoin-api-key"
    NUDJ_TOKEN = "nudj-token"
    #: Mixed into every staff PIN hash, so that a copied staff file alone gives up no PIN.
    #: Made by the app on first use; set by hand only to restore the one of a lost keyring.
    STAFF_PIN_KEY = "staff-pin-key"
    #: The password of this counter's login to the shop's shared journal (PostgreSQL).
    SHARED_JOURNAL_PASSWORD = "shared-journal-password"

    @property
    def env_var(self) -> str:
        return "POS_APP_" + self.value.upper().replace("-", "_")

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: Mapping[SecretName, str] = {
    SecretName.PIGGY_TOKEN: "Piggy personal access token / API key",
    SecretName.PIGGY_CLIENT_SECRET: "Piggy OAuth client secret",
    SecretName.GIFTOIN_API_KEY: "Giftoin API key",
    SecretName.NUDJ_TOKEN: "Nudj API token",
    SecretName.STAFF_PIN_KEY: "key that protects the staff PINs",
    SecretName.SHARED_JOURNAL_PASSWORD: "shared journal (PostgreSQL) password",
}

#: Bytes of a new staff PIN key.
STAFF_PIN_KEY_BYTES = 32


class KeyringUnavailableError(Exception):
    """No usable OS keyring; the message tells a person what to do instead."""


class PinKeyError(Exception):
    """The staff PIN key given is not one (the message never holds the value)."""


@dataclass(frozen=True)
class SecretSource:
    """Where a secret was found, for `pos-app doctor` (never the value itself)."""

    name: SecretName
    origin: str  # "keyring", "environment" or "missing"


def _unavailable_message(exc: BaseException | None) -> str:
    reason = f" ({type(exc).__name__})" if exc is not None else ""
    return (
        "No OS keyring is available on this machine"
        f"{reason}. Start or unlock the desktop keyring (Windows Credential Manager, "
        "macOS Keychain, GNOME Keyring or KWallet), or, on a headless machine, give the "
        "secret to the app in its environment variable instead (e.g. POS_APP_PIGGY_TOKEN)."
    )


class SecretStore:
    """Reads and writes the app's secrets.

    ``env`` defaults to ``os.environ``; tests pass their own mapping. The keyring backend
    is the process-wide one chosen by the ``keyring`` library (tests install an in-memory
    backend).
    """

    def __init__(self, env: Mapping[str, str] | None = None, *, use_keyring: bool = True):
        self._env = os.environ if env is None else env
        self._use_keyring = use_keyring

    def get(self, name: SecretName) -> str | None:
        value = self._env.get(name.env_var)
        if value:
            return value
        if not self._use_keyring or not self.keyring_available():
            return None
        try:
            return self._read_keyring(name)
        except KeyringUnavailableError:
            return None

    @staticmethod
    def _read_keyring(name: SecretName) -> str | None:
        """The stored value, None when there is none; raises when the keyring fails."""
        try:
            stored: Any = _keyring().get_password(KEYRING_SERVICE, name.value)
        except Exception as exc:
            # Backends raise their own exception types (D-Bus, Win32, ...); none of them
            # may stop the app. The value is never part of the message.
            log.warning("Cannot read %s from the OS keyring: %s", name.value, type(exc).__name__)
            raise KeyringUnavailableError(_unavailable_message(exc)) from exc
        return stored if isinstance(stored, str) and stored else None

    def source(self, name: SecretName) -> SecretSource:
        if self._env.get(name.env_var):
            return SecretSource(name, "environment")
        if self._use_keyring and self.get(name):
            return SecretSource(name, "keyring")
        return SecretSource(name, "missing")

    def set(self, name: SecretName, value: str) -> None:
        value = value.strip()
        if not value:
            raise ValueError("An empty value cannot be stored.")
        self._check_backend()
        try:
            _keyring().set_password(KEYRING_SERVICE, name.value, value)
        except _keyring().errors.PasswordSetError as exc:
            raise KeyringUnavailableError(
                f"The OS keyring refused to store the {name.label} ({type(exc).__name__})."
            ) from exc
        except Exception as exc:
            raise KeyringUnavailableError(_unavailable_message(exc)) from exc

    def staff_pin_key(self) -> bytes:
        """The key mixed into the staff PIN hashes; made and stored on first use.

        From ``POS_APP_STAFF_PIN_KEY`` when set (base64 of 32 bytes), else from the OS
        keyring, where a new random key is stored when there is none yet. Without either,
        :class:`KeyringUnavailableError`: no PIN can be checked or stored then (the staff
        file is not used without its key, rather than with PINs anyone could recover).
        """
        name = SecretName.STAFF_PIN_KEY
        if text := self._env.get(name.env_var):
            return _decode_pin_key(text)
        if not self._use_keyring or not self.keyring_available():
            raise KeyringUnavailableError(_pin_key_unavailable())
        # A keyring that fails to answer raises here: only one that answers "none" gets a
        # new key, never one that may still hold the key the PINs were hashed with.
        if (text := self._read_keyring(name)) is not None:
            return _decode_pin_key(text)
        created = base64.b64encode(secrets.token_bytes(STAFF_PIN_KEY_BYTES)).decode("ascii")
        self.set(name, created)
        # Read back: a keyring that took the value without keeping it would otherwise make
        # every PIN stored from now on unverifiable after the next start.
        stored = self.get(name)
        if stored != created:
            raise KeyringUnavailableError(_pin_key_unavailable())
        log.info("A new staff PIN key was stored in the OS keyring")
        return _decode_pin_key(stored)

    def delete(self, name: SecretName) -> bool:
        """Remove a stored secret; returns False when there was none."""
        self._check_backend()
        try:
            _keyring().delete_password(KEYRING_SERVICE, name.value)
        except _keyring().errors.PasswordDeleteError:
            return False
        except Exception as exc:
            raise KeyringUnavailableError(_unavailable_message(exc)) from exc
        return True

    @staticmethod
    def keyring_available() -> bool:
        try:
            backend = _keyring().get_keyring()
        except Exception:
            return False
        priority = getattr(backend, "priority", 0)
        return not isinstance(priority, int | float) or priority > 0

    def _check_backend(self) -> None:
        if not self._use_keyring or not self.keyring_available():
            raise KeyringUnavailableError(_unavailable_message(None))


def _keyring() -> ModuleType:
    """The keyring library, imported on first use: choosing its backend takes a while at
    import, and a demo start or a counter whose secrets come from the environment never
    needs it."""
    import keyring
    import keyring.errors

    return keyring


def _pin_key_unavailable() -> str:
    return (
        "Staff PINs need a key kept in the OS keyring, and no keyring is available on this "
        "machine. Start or unlock the desktop keyring, or, on a headless machine, give the "
        f"app the key in {SecretName.STAFF_PIN_KEY.env_var} (base64 of 32 random bytes)."
    )


def _decode_pin_key(text: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != STAFF_PIN_KEY_BYTES:
        raise PinKeyError(
            f"The {SecretName.STAFF_PIN_KEY.label} is not base64 of {STAFF_PIN_KEY_BYTES} bytes."
        )
    return key
