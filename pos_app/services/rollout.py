"""Setting up counter 2..N from counter 1: the shop's settings as a file, without secrets.

An export holds what every counter of the shop shares (hosts, the shop, the Giftoin and
Nudj mapping, slips and their paper, sign-in, kiosk options); what belongs to one PC stays
behind (:data:`PER_COUNTER`: its name, its data folder and the printer its slips go to).
Secrets are never settings, so no export holds one; an import says which secrets this
counter still needs.
"""

from __future__ import annotations

from pathlib import Path

from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import (
    PiggyAuthMode,
    Settings,
    SettingsError,
    load_settings,
    save_settings,
)

__all__ = ["PER_COUNTER", "export_settings", "import_settings", "missing_secrets"]

#: Settings of one PC: never exported, kept as they are by an import.
PER_COUNTER = frozenset(
    {
        "counter_name",
        "data_dir",
        "slip_printer",
        "escpos_printer",
        "shared_journal_url",
        "camera_device",
    }
)


def export_settings(settings: Settings, path: Path) -> Path:
    """Write the shop's settings (not this PC's own, no secrets) to ``path``."""
    return save_settings(settings, path, leave_out=PER_COUNTER)


def import_settings(source: Path, target: Path) -> Settings:
    """Take the shop's settings from ``source`` into this counter's file ``target``.

    This counter keeps its own name, data folder and slip printer (also when it has none:
    a copied settings file must not send its slips to another PC's printer); everything
    else comes from the export. Nothing is written when ``source`` is not a valid settings file
    (:class:`SettingsError`, in words for a person).
    """
    if not source.is_file():
        raise SettingsError(f"There is no settings export at {source}.")
    shared = load_settings(source, use_environment=False)
    here = load_settings(target, use_environment=False)
    own = {name: getattr(here, name) for name in PER_COUNTER}
    merged = shared.with_overrides(**own)
    # with_overrides takes None as "not given"; here it is this counter's own choice.
    unset = {name: None for name, value in own.items() if value is None}
    if unset:
        merged = merged.model_copy(update=unset)
    save_settings(merged, target)
    return merged


def missing_secrets(settings: Settings, store: SecretStore) -> list[SecretName]:
    """The secrets these settings need that this counter does not have yet."""
    needed = [
        SecretName.PIGGY_CLIENT_SECRET
        if settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS
        else SecretName.PIGGY_TOKEN
    ]
    if settings.giftoin_base_url and settings.giftoin_platform:
        needed.append(SecretName.GIFTOIN_API_KEY)
    if settings.nudj_base_url:
        needed.append(SecretName.NUDJ_TOKEN)
    return [name for name in needed if not store.get(name)]
