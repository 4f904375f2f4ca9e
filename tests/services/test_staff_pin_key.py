"""The PIN key kept outside the staff file, and the longer PINs of managers."""

from __future__ import annotations

import base64
import hashlib
import hmac
import shutil
import sqlite3
from pathlib import Path

import pytest

from pos_app.services.secrets import (
    KeyringUnavailableError,
    PinKeyError,
    SecretName,
    SecretStore,
)
from pos_app.services.staff import (
    MANAGER_PIN_MIN_LENGTH,
    InvalidPinError,
    PinKeyMismatchError,
    Role,
    ScryptParams,
    StaffDirectory,
    StaffStorageError,
    hash_pin,
)
from tests.helpers import FAST_SCRYPT, MemoryKeyring
from tests.helpers import STAFF_PIN_KEY as KEY

#: Cheap enough to try all 10,000 four-digit PINs in a blink: that test is about the key, and
#: with the key missing even the cheapest hash must give nothing away.
CHEAPEST = ScryptParams(n=2, r=1, p=1)

OTHER_KEY = bytes(range(1, 33))


def stored_hashes(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, pin_hash FROM staff").fetchall())
    finally:
        conn.close()


def offline_guess(stored: str, pin: str) -> bool:
    """What someone with a copy of the file tries: scrypt of the PIN with the stored salt."""
    _scheme, n, r, p, salt, key, *_rest = stored.split("$")
    candidate = hashlib.scrypt(
        pin.encode(),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        maxmem=2**26,
        dklen=len(base64.b64decode(key)),
    )
    return hmac.compare_digest(candidate, base64.b64decode(key))


def test_a_copied_staff_file_alone_gives_up_no_pin(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    with StaffDirectory.open(path, pin_key=KEY, scrypt=CHEAPEST) as directory:
        directory.add("Ann", Role.CASHIER, "4821")
    copy = tmp_path / "copied.sqlite3"
    shutil.copy(path, copy)
    stored = stored_hashes(copy)["Ann"]
    assert "4821" not in stored
    # Every 4-digit PIN tried against the copy: none fits without the key.
    found = [pin for pin in (f"{n:04d}" for n in range(10_000)) if offline_guess(stored, pin)]
    assert found == []
    # The copy with the key (the keyring of the PC it came from) does verify.
    with StaffDirectory.open(copy, pin_key=KEY, scrypt=CHEAPEST) as directory:
        (ann,) = directory.profiles()
        assert directory.verify_pin(ann.profile_id, "4821").accepted


def test_a_different_key_is_refused_when_opening_not_counted_as_wrong_pins(
    tmp_path: Path,
) -> None:
    path = tmp_path / "staff.sqlite3"
    with StaffDirectory.open(path, pin_key=KEY, scrypt=FAST_SCRYPT) as directory:
        directory.add("Max", Role.MANAGER, "135790")
    with pytest.raises(PinKeyMismatchError) as info:
        StaffDirectory.open(path, pin_key=OTHER_KEY, scrypt=FAST_SCRYPT)
    assert isinstance(info.value, StaffStorageError)
    # The file is unchanged: with the right key everything still works.
    with StaffDirectory.open(path, pin_key=KEY, scrypt=FAST_SCRYPT) as directory:
        assert directory.verify_manager_pin("135790").accepted


def test_hashes_from_before_the_key_still_verify_and_are_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "staff.sqlite3"
    with StaffDirectory.open(path, pin_key=KEY, scrypt=FAST_SCRYPT) as directory:
        ann = directory.add("Ann", Role.CASHIER, "1234")
    conn = sqlite3.connect(path)
    old = hash_pin("1234", FAST_SCRYPT, pin_key=None)
    assert old.count("$") == 5  # the format written before the key existed
    conn.execute("UPDATE staff SET pin_hash = ?", (old,))
    conn.commit()
    conn.close()
    assert offline_guess(old, "1234")
    with StaffDirectory.open(path, pin_key=KEY, scrypt=FAST_SCRYPT) as directory:
        assert not directory.verify_pin(ann.profile_id, "4321").accepted
        assert stored_hashes(path)["Ann"] == old  # a wrong PIN changes nothing
        assert directory.verify_pin(ann.profile_id, "1234").accepted
    upgraded = stored_hashes(path)["Ann"]
    assert upgraded != old
    assert not offline_guess(upgraded, "1234")
    with StaffDirectory.open(path, pin_key=KEY, scrypt=FAST_SCRYPT) as directory:
        assert directory.verify_pin(ann.profile_id, "1234").accepted


# -- where the key lives ---------------------------------------------------------------------


def test_the_key_is_made_once_and_kept_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(env={})
    first = store.staff_pin_key()
    assert len(first) == 32
    assert store.staff_pin_key() == first
    assert len(memory_keyring.store) == 1
    # Another store (another start of the app) finds the same key.
    assert SecretStore(env={}).staff_pin_key() == first


def test_the_key_from_the_environment_wins(memory_keyring: MemoryKeyring) -> None:
    text = base64.b64encode(OTHER_KEY).decode()
    store = SecretStore(env={SecretName.STAFF_PIN_KEY.env_var: text})
    assert store.staff_pin_key() == OTHER_KEY
    assert memory_keyring.store == {}


@pytest.mark.usefixtures("no_keyring")
def test_without_keyring_or_environment_there_is_no_key() -> None:
    with pytest.raises(KeyringUnavailableError) as info:
        SecretStore(env={}).staff_pin_key()
    assert SecretName.STAFF_PIN_KEY.env_var in str(info.value)


@pytest.mark.usefixtures("no_keyring")
@pytest.mark.parametrize("value", ["short", "!!!!", base64.b64encode(b"x" * 16).decode()])
def test_a_malformed_key_in_the_environment_is_refused(value: str) -> None:
    store = SecretStore(env={SecretName.STAFF_PIN_KEY.env_var: value})
    with pytest.raises(PinKeyError) as info:
        store.staff_pin_key()
    assert value not in str(info.value)


# -- managers' PINs --------------------------------------------------------------------------


@pytest.fixture
def staff(tmp_path: Path) -> StaffDirectory:
    return StaffDirectory.open(tmp_path / "staff.sqlite3", pin_key=KEY, scrypt=FAST_SCRYPT)


def test_a_manager_pin_has_at_least_six_digits(staff: StaffDirectory) -> None:
    assert MANAGER_PIN_MIN_LENGTH == 6
    with pytest.raises(InvalidPinError):
        staff.add("Max", Role.MANAGER, "12345")
    max_ = staff.add("Max", Role.MANAGER, "123456")
    with pytest.raises(InvalidPinError):
        staff.reset_pin(max_.profile_id, "9876")
    cas = staff.add("Cas", Role.CASHIER, "9876")
    staff.reset_pin(cas.profile_id, "5432")
    assert staff.verify_pin(cas.profile_id, "5432").accepted
    staff.close()


def test_a_short_manager_pin_still_works_but_asks_to_be_changed(staff: StaffDirectory) -> None:
    staff.add("Max", Role.MANAGER, "123456")
    cas = staff.add("Cas", Role.CASHIER, "9876")
    staff.change_role(cas.profile_id, Role.MANAGER)
    signed_in = staff.verify_pin(cas.profile_id, "9876")
    assert signed_in.accepted
    assert signed_in.pin_too_short
    approved = staff.verify_manager_pin("9876")
    assert approved.accepted
    assert approved.pin_too_short
    assert approved.profile is not None
    assert approved.profile.name == "Cas"
    assert not staff.verify_manager_pin("123456").pin_too_short
    staff.close()


class FlakyKeyring(MemoryKeyring):
    """A keyring that holds the key but cannot be read right now (locked, D-Bus error)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.NoReply")


def test_a_keyring_that_cannot_be_read_keeps_its_key() -> None:
    import keyring

    previous = keyring.get_keyring()
    backend = FlakyKeyring()
    stored = base64.b64encode(KEY).decode()
    backend.store[("pos-app", SecretName.STAFF_PIN_KEY.value)] = stored
    keyring.set_keyring(backend)
    try:
        with pytest.raises(KeyringUnavailableError):
            SecretStore(env={}).staff_pin_key()
    finally:
        keyring.set_keyring(previous)
    # Not replaced by a new key: the PINs hashed with it stay usable.
    assert backend.store == {("pos-app", SecretName.STAFF_PIN_KEY.value): stored}
