from __future__ import annotations

import pytest

from pos_app.services.secrets import (
    KEYRING_SERVICE,
    KeyringUnavailableError,
    SecretName,
    SecretStore,
)
from tests.helpers import MemoryKeyring


def test_environment_variable_names() -> None:
    assert SecretName.PIGGY_TOKEN.env_var == "POS_APP_PIGGY_TOKEN"
    assert SecretName.GIFTOIN_API_KEY.env_var == "POS_APP_GIFTOIN_API_KEY"
    assert SecretName.NUDJ_TOKEN.env_var == "POS_APP_NUDJ_TOKEN"
    assert SecretName.PIGGY_CLIENT_SECRET.env_var == "POS_APP_PIGGY_CLIENT_SECRET"


def test_set_get_delete_in_keyring(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(env={})
    store.set(SecretName.PIGGY_TOKEN, "  tok-123\n")
    assert memory_keyring.store[(KEYRING_SERVICE, "piggy-token")] == "tok-123"
    assert store.get(SecretName.PIGGY_TOKEN) == "tok-123"
    assert store.source(SecretName.PIGGY_TOKEN).origin == "keyring"
    assert store.delete(SecretName.PIGGY_TOKEN) is True
    assert store.get(SecretName.PIGGY_TOKEN) is None
    assert store.delete(SecretName.PIGGY_TOKEN) is False


def test_environment_wins_over_keyring(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, "nudj-token", "from-keyring")
    store = SecretStore(env={"POS_APP_NUDJ_TOKEN": "from-env"})
    assert store.get(SecretName.NUDJ_TOKEN) == "from-env"
    assert store.source(SecretName.NUDJ_TOKEN).origin == "environment"


def test_empty_value_is_refused(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError, match="empty"):
        SecretStore(env={}).set(SecretName.PIGGY_TOKEN, "   ")
    assert memory_keyring.store == {}


@pytest.mark.usefixtures("no_keyring")
def test_no_keyring_is_a_clear_message_not_a_traceback() -> None:
    store = SecretStore(env={"POS_APP_PIGGY_TOKEN": "env-token"})
    assert store.keyring_available() is False
    assert store.get(SecretName.PIGGY_TOKEN) == "env-token"
    assert store.get(SecretName.GIFTOIN_API_KEY) is None
    with pytest.raises(KeyringUnavailableError, match="POS_APP_PIGGY_TOKEN"):
        store.set(SecretName.GIFTOIN_API_KEY, "x")
    with pytest.raises(KeyringUnavailableError, match="No OS keyring"):
        store.delete(SecretName.GIFTOIN_API_KEY)


def test_broken_backend_does_not_stop_the_app(memory_keyring: MemoryKeyring) -> None:
    def explode(service: str, username: str) -> str:
        raise RuntimeError("D-Bus went away")

    memory_keyring.get_password = explode  # type: ignore[method-assign]
    assert SecretStore(env={}).get(SecretName.PIGGY_TOKEN) is None
