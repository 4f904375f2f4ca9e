"""Builds the three API clients from the settings and the secrets, once per app run.

A client is built on its first use (:class:`Deferred`): importing httpx and the vendors'
pydantic models, and making a client's connection pool and TLS context, take a quarter of
a second that the window's first paint does not wait for. What the settings and secrets
allow is decided at once, so the window knows before it is shown which vendors it has.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from pos_app import __version__
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import PiggyAuthMode, Settings

if TYPE_CHECKING:
    import httpx

    from pos_app.api import GiftoinClient, NudjClient, PiggyClient

USER_AGENT = f"pos-app/{__version__}"
C = TypeVar("C")
#: Seconds between two looks at whether a vendor closed the counter's idle connections.
KEEP_WARM_INTERVAL = 10.0


class Deferred(Generic[C]):
    """Stands for a client until its first use, then builds it and passes everything on.

    Callers hold it as the client it stands for (:func:`build_clients` hands it out so);
    the first attribute asked for (a call, ``warm_up``) builds the real client, except
    the settings it is built with (``known``: its ``timeout``), which are answered as
    they are. Closing one that was never used builds nothing.
    """

    def __init__(self, build: Callable[[], C], **known: Any) -> None:
        self._build: Callable[[], C] | None = build
        self._client: C | None = None
        self._known = known

    @property
    def built(self) -> bool:
        return self._client is not None

    def client(self) -> C:
        if self._client is None:
            assert self._build is not None, "a closed client is used again"
            self._client = self._build()
        return self._client

    def __getattr__(self, name: str) -> Any:
        # Only for names this class lacks: the real client's calls and attributes.
        if self._client is None and name in self._known:
            return self._known[name]
        return getattr(self.client(), name)

    async def aclose(self) -> None:
        self._build = None
        if self._client is not None:
            await cast("Any", self._client).aclose()


def deferred(build: Callable[[], C], **known: Any) -> C:
    """``build()``'s client, built when it is first used (see :class:`Deferred`)."""
    return cast(C, Deferred(build, **known))


@dataclass
class ApiClients:
    """The clients the services use; Giftoin and Nudj are optional side programs.

    ``problems`` lists, in words for a person, why a client could not be built (missing
    credentials); the window shows them instead of failing on the first request.
    """

    piggy: PiggyClient | None
    giftoin: GiftoinClient | None
    nudj: NudjClient | None
    problems: list[str] = field(default_factory=list)

    async def aclose(self) -> None:
        for client in (self.piggy, self.giftoin, self.nudj):
            if client is not None:
                await client.aclose()

    async def warm_up(self) -> None:
        """Connections open to every vendor before a lookup needs them (a scan began)."""
        clients = [c for c in (self.piggy, self.giftoin, self.nudj) if c is not None]
        await asyncio.gather(*(client.warm_up() for client in clients))

    async def keep_warm(self, interval: float = KEEP_WARM_INTERVAL) -> None:
        """Until cancelled: every ``interval`` seconds, open again what a server closed.

        Servers close idle connections after their own timeout (often a minute), so in
        the minutes between customers the next scan would pay the handshakes. Only the
        missing connections are opened: a counter whose connections stay open sends
        nothing.
        """
        while True:
            await self.warm_up()
            await asyncio.sleep(interval)


def build_clients(
    settings: Settings,
    secrets: SecretStore,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    sleep: Callable[[float], Awaitable[None]] | None = None,
) -> ApiClients:
    """The clients the settings and secrets allow, each built on its first use;
    ``transport`` and ``sleep`` (the wait between retries) are the clients' own, for
    benchmarks and tests."""
    problems: list[str] = []
    timeout = settings.request_timeout

    def later(kind: Callable[[], Callable[..., C]], *args: Any, **options: Any) -> C:
        """A client of ``kind`` with these options and the shared ones, built on first use."""
        return deferred(
            lambda: kind()(
                *args,
                timeout=timeout,
                transport=transport,
                sleep=sleep,
                user_agent=USER_AGENT,
                **options,
            ),
            timeout=timeout,
        )

    piggy: PiggyClient | None = None
    if settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS:
        secret = secrets.get(SecretName.PIGGY_CLIENT_SECRET)
        if settings.piggy_client_id and secret:
            piggy = later(
                _piggy,
                settings.piggy_base_url,
                client_id=settings.piggy_client_id,
                client_secret=secret,
            )
        else:
            problems.append(
                "Piggy is not set up: set piggy_client_id and run "
                "`pos-app secrets set piggy-client-secret`."
            )
    else:
        token = secrets.get(SecretName.PIGGY_TOKEN)
        if token:
            piggy = later(_piggy, settings.piggy_base_url, token=token)
        else:
            problems.append("Piggy is not set up: run `pos-app secrets set piggy-token`.")

    giftoin_key = secrets.get(SecretName.GIFTOIN_API_KEY)
    giftoin = (
        later(_giftoin, settings.giftoin_base_url, api_key=giftoin_key)
        if settings.giftoin_base_url and giftoin_key
        else None
    )
    nudj_token = secrets.get(SecretName.NUDJ_TOKEN)
    nudj = (
        later(_nudj, settings.nudj_base_url, token=nudj_token, language=settings.language)
        if settings.nudj_base_url and nudj_token
        else None
    )
    return ApiClients(piggy=piggy, giftoin=giftoin, nudj=nudj, problems=problems)


# The clients' classes, imported on the first client's first use.


def _piggy() -> type[PiggyClient]:
    from pos_app.api import PiggyClient

    return PiggyClient


def _giftoin() -> type[GiftoinClient]:
    from pos_app.api import GiftoinClient

    return GiftoinClient


def _nudj() -> type[NudjClient]:
    from pos_app.api import NudjClient

    return NudjClient


def import_client_modules() -> None:
    """Import the clients' modules (httpx, the vendors' models) ahead of the first call.

    The app does it right after the first paint, on the GUI thread (0.2 s from source):
    imports made on two threads at once can meet a module the other one has half done.
    """
    _piggy()
    _giftoin()
    _nudj()
