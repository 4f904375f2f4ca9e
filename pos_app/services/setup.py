"""Setting a counter up from the app: is it set up, does a key work, who does a mapping find.

Qt-free, so the setup flow and the settings screen (``pos_app.ui.setup``) only lay out
what this module finds:

* :func:`needs_setup` — what a start without a usable Piggy connection or shop lacks.
* :func:`check_piggy`, :func:`check_giftoin`, :func:`check_nudj` — one read-only call
  each with credentials that are not saved yet, answered as a :class:`Reach` (shop words
  are the UI's); Piggy's answer carries the shops the key sees.
* :func:`find_sample_customer` and :func:`preview_giftoin` / :func:`preview_nudj` — with a
  real customer's card: which id a Giftoin or Nudj mapping would send, and whether that
  program knows the customer. Nothing on any server changes.
* :func:`save_setup` — the secrets into the keyring first, then the settings file; when
  the keyring refuses, nothing is written.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import httpx

from pos_app.api import GiftoinClient, NudjClient, PiggyClient, Shop, errors
from pos_app.services.connections import USER_AGENT
from pos_app.services.identify import CustomerLookup
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.progress import (
    GiftoinProgress,
    NotLinked,
    NotLinkedReason,
    NudjProgress,
    ProgressService,
)
from pos_app.services.secrets import KeyringUnavailableError, SecretName, SecretStore
from pos_app.services.settings import (
    NudjIdKind,
    NudjUserIdSource,
    PiggyAuthMode,
    Settings,
    save_settings,
)

log = logging.getLogger(__name__)

#: Piggy's hosts a shop picks from (Leat is Piggy's new name); any other is "custom".
PIGGY_HOSTS: tuple[str, ...] = (
    "https://api.piggy.eu",
    "https://api.piggy.nl",
    "https://api.leat.com",
)

#: Seconds a setup check waits for its one call: a person is waiting at the button.
CHECK_TIMEOUT = 10.0


class Reach(StrEnum):
    """What one call with the given host and credentials found."""

    OK = "ok"
    #: No connection: wrong host name, no network, a firewall.
    NO_CONNECTION = "no_connection"
    TIMEOUT = "timeout"
    #: The server refused the key or token.
    REJECTED = "rejected"
    #: The key is accepted but may not use this API.
    NO_PERMISSION = "no_permission"
    #: Something answered, but not like this vendor's API: most often a wrong host.
    NOT_THIS_API = "not_this_api"
    #: Maintenance, rate limiting or a server error: the setup is not at fault; try later.
    TRY_LATER = "try_later"


def reach_of(exc: errors.ApiError) -> Reach:
    if isinstance(exc, errors.ApiTimeoutError):
        return Reach.TIMEOUT
    if isinstance(exc, errors.ApiConnectionError):
        return Reach.NO_CONNECTION
    if isinstance(exc, errors.AuthenticationError):
        return Reach.REJECTED
    if isinstance(exc, errors.PermissionDeniedError):
        return Reach.NO_PERMISSION
    if isinstance(exc, errors.MaintenanceError | errors.RateLimitedError | errors.ServerError):
        return Reach.TRY_LATER
    return Reach.NOT_THIS_API


@dataclass(frozen=True)
class PiggyAccess:
    """How to reach Piggy: the host, and a token or client id + secret (not saved yet)."""

    base_url: str
    mode: PiggyAuthMode
    #: The personal access token, or the OAuth client secret (never in a repr or a log).
    secret: str = field(repr=False)
    client_id: str | None = None

    def client(
        self,
        *,
        timeout: float = CHECK_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
        max_retries: int = 0,
    ) -> PiggyClient:
        if self.mode is PiggyAuthMode.CLIENT_CREDENTIALS:
            return PiggyClient(
                self.base_url,
                client_id=self.client_id or "",
                client_secret=self.secret,
                timeout=timeout,
                transport=transport,
                max_retries=max_retries,
                user_agent=USER_AGENT,
            )
        return PiggyClient(
            self.base_url,
            token=self.secret,
            timeout=timeout,
            transport=transport,
            max_retries=max_retries,
            user_agent=USER_AGENT,
        )

    @classmethod
    def from_settings(cls, settings: Settings, store: SecretStore) -> PiggyAccess | None:
        """The access the settings and secrets give; None when something is missing."""
        if settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS:
            secret = store.get(SecretName.PIGGY_CLIENT_SECRET)
            if not secret or not settings.piggy_client_id:
                return None
            return cls(
                settings.piggy_base_url, settings.piggy_auth_mode, secret, settings.piggy_client_id
            )
        token = store.get(SecretName.PIGGY_TOKEN)
        if not token:
            return None
        return cls(settings.piggy_base_url, PiggyAuthMode.TOKEN, token)


def piggy_secret_name(mode: PiggyAuthMode) -> SecretName:
    if mode is PiggyAuthMode.CLIENT_CREDENTIALS:
        return SecretName.PIGGY_CLIENT_SECRET
    return SecretName.PIGGY_TOKEN


def needs_setup(settings: Settings, store: SecretStore) -> bool:
    """True while the counter cannot work: no way into Piggy, or no shop chosen."""
    return PiggyAccess.from_settings(settings, store) is None or not settings.shop_uuid


@dataclass(frozen=True)
class PiggyCheck:
    reach: Reach
    #: The shops the key sees, physical ones first (where pickups happen).
    shops: tuple[Shop, ...] = ()


async def check_piggy(
    access: PiggyAccess, *, transport: httpx.AsyncBaseTransport | None = None
) -> PiggyCheck:
    """List the shops with ``access``: proves the host and the credentials at once."""
    try:
        async with access.client(transport=transport) as client:
            shops = await client.list_shops()
    except errors.ApiError as exc:
        log.info("Piggy check: %s", type(exc).__name__)
        return PiggyCheck(reach_of(exc))
    ordered = sorted(shops, key=lambda shop: (shop.type not in (None, "physical"), shop.name or ""))
    return PiggyCheck(Reach.OK, tuple(ordered))


def _giftoin_client(
    base_url: str, api_key: str, transport: httpx.AsyncBaseTransport | None
) -> GiftoinClient:
    return GiftoinClient(
        base_url,
        api_key=api_key,
        timeout=CHECK_TIMEOUT,
        transport=transport,
        max_retries=0,
        user_agent=USER_AGENT,
    )


def _nudj_client(
    base_url: str, token: str, language: str, transport: httpx.AsyncBaseTransport | None
) -> NudjClient:
    return NudjClient(
        base_url,
        token=token,
        language=language,
        timeout=CHECK_TIMEOUT,
        transport=transport,
        max_retries=0,
        user_agent=USER_AGENT,
    )


async def _reach(call: Callable[[], Awaitable[object]]) -> Reach:
    try:
        await call()
    except errors.ApiError as exc:
        log.info("Setup check: %s", type(exc).__name__)
        return reach_of(exc)
    return Reach.OK


async def check_giftoin(
    base_url: str, api_key: str, *, transport: httpx.AsyncBaseTransport | None = None
) -> Reach:
    async with _giftoin_client(base_url, api_key, transport) as client:
        return await _reach(client.check_key)


async def check_nudj(
    base_url: str,
    token: str,
    *,
    language: str = "en",
    transport: httpx.AsyncBaseTransport | None = None,
) -> Reach:
    async with _nudj_client(base_url, token, language, transport) as client:
        return await _reach(lambda: client.rewards(limit=1))


# -- the mapping preview ---------------------------------------------------------------------


async def find_sample_customer(
    access: PiggyAccess, card: str, *, transport: httpx.AsyncBaseTransport | None = None
) -> CustomerSummary:
    """The customer a scanned card belongs to, read-only (the counter's own lookup).

    Raises what the counter's lookup raises (:mod:`pos_app.api.errors`,
    :class:`~pos_app.services.identify.CardNotLinkedError`).
    """
    async with access.client(transport=transport) as client:
        return await CustomerLookup(client).by_card(card)


def id_attributes(customer: CustomerSummary) -> list[str]:
    """The customer's contact attributes that hold something usable as an id, by name.

    What a Giftoin or Nudj mapping can be chosen from: text or whole numbers only.
    """
    names = []
    for name, value in customer.attributes.items():
        if isinstance(value, bool):
            continue
        if (isinstance(value, int) or (isinstance(value, str) and value.strip())) and name:
            names.append(name)
    return sorted(names)


class Found(StrEnum):
    """What a program said about the sample customer under a mapping."""

    FOUND = "found"
    #: The program does not know the id the mapping sends.
    NOT_FOUND = "not_found"
    #: The customer's contact holds nothing for the mapping to send.
    NO_ID = "no_id"
    #: The call failed (see :attr:`ProgramPreview.reach`).
    PROBLEM = "problem"


@dataclass(frozen=True)
class ProgramPreview:
    found: Found
    #: The id that would be sent, fit for the screen; None when nothing would be sent or
    #: when the id is the customer's email address (never shown).
    sent_id: str | None = None
    #: The id is the customer's email (shown as such, not as the address).
    sent_email: bool = False
    reach: Reach | None = None
    #: Challenges (Giftoin) or points (Nudj) found, for the preview's line.
    challenges: int | None = None
    points: int | None = None


async def preview_giftoin(
    customer: CustomerSummary,
    *,
    base_url: str,
    api_key: str,
    platform: str,
    attribute: str,
    transport: httpx.AsyncBaseTransport | None = None,
) -> ProgramPreview:
    """Ask Giftoin for ``customer`` the way the counter would with this mapping."""
    async with _giftoin_client(base_url, api_key, transport) as client:
        progress = ProgressService(
            client,
            None,
            giftoin_platform=platform,
            giftoin_user_attribute=attribute,
            nudj_user_id_source=NudjUserIdSource(NudjIdKind.UUID),
        )
        sent = progress.giftoin_user_id(customer)
        try:
            outcome = await progress.giftoin(customer)
        except errors.ApiError as exc:
            return ProgramPreview(Found.PROBLEM, sent, reach=reach_of(exc))
    if isinstance(outcome, NotLinked):
        found = Found.NO_ID if outcome.reason is NotLinkedReason.NO_ID else Found.NOT_FOUND
        return ProgramPreview(found, sent)
    assert isinstance(outcome, GiftoinProgress)
    return ProgramPreview(Found.FOUND, sent, challenges=len(outcome.challenges))


async def preview_nudj(
    customer: CustomerSummary,
    *,
    base_url: str,
    token: str,
    source: NudjUserIdSource,
    language: str = "en",
    transport: httpx.AsyncBaseTransport | None = None,
) -> ProgramPreview:
    """Ask Nudj for ``customer`` the way the counter would with this id source."""
    email = source.kind is NudjIdKind.EMAIL
    async with _nudj_client(base_url, token, language, transport) as client:
        # No miss record: a preview is not a counter's lookup and must not raise the
        # counter's "Nudj finds nobody" warning.
        progress = ProgressService(
            None,
            client,
            giftoin_platform=None,
            giftoin_user_attribute=None,
            nudj_user_id_source=source,
        )
        sent = progress.nudj_user_id(customer)
        shown = None if email else sent
        try:
            outcome = await progress.nudj(customer)
        except errors.ApiError as exc:
            return ProgramPreview(Found.PROBLEM, shown, email, reach=reach_of(exc))
        finally:
            await progress.aclose()
    if isinstance(outcome, NotLinked):
        found = Found.NO_ID if outcome.reason is NotLinkedReason.NO_ID else Found.NOT_FOUND
        return ProgramPreview(found, shown, email and sent is not None)
    assert isinstance(outcome, NudjProgress)
    return ProgramPreview(Found.FOUND, shown, email, points=outcome.points)


# -- finishing -------------------------------------------------------------------------------


def save_setup(
    settings: Settings,
    secrets: Mapping[SecretName, str],
    store: SecretStore,
    path: Path | None = None,
    *,
    forget: Collection[SecretName] = (),
) -> Path:
    """Store ``secrets`` in the OS keyring, then write ``settings`` to the settings file.

    Secrets first: a keyring that refuses one (:class:`KeyringUnavailableError`) leaves
    the settings file as it was, so a counter is never half set up with a file that
    points at credentials nobody stored. Secrets are never written anywhere else.
    ``forget``: secrets of programs turned off, removed from the keyring once the file no
    longer needs them.
    """
    wanted = {name: value.strip() for name, value in secrets.items() if value.strip()}
    if wanted and not store.keyring_available():
        raise KeyringUnavailableError(
            "No OS keyring is available on this machine, so the secrets cannot be kept."
        )
    for name, value in wanted.items():
        store.set(name, value)
    written = save_settings(settings, path)
    for name in forget:
        if name not in wanted and store.keyring_available():
            store.delete(name)
    return written
