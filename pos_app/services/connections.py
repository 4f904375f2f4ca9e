"""Builds the three API clients from the settings and the secrets, once per app run."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pos_app import __version__
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import PiggyAuthMode, Settings

if TYPE_CHECKING:
    import httpx

    from pos_app.api import GiftoinClient, NudjClient, PiggyClient

USER_AGENT = f"pos-app/{__version__}"
#: Seconds between two looks at whether a vendor closed the counter's idle connections.
KEEP_WARM_INTERVAL = 10.0


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
    """The clients the settings and secrets allow; ``transport`` and ``sleep`` (the wait
    between retries) are the clients' own, for benchmarks and tests."""
    # Imported here: httpx and the vendors' models are not needed before a client is.
    from pos_app.api import GiftoinClient, NudjClient, PiggyClient

    problems: list[str] = []
    timeout = settings.request_timeout
    piggy: PiggyClient | None = None
    if settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS:
        secret = secrets.get(SecretName.PIGGY_CLIENT_SECRET)
        if settings.piggy_client_id and secret:
            piggy = PiggyClient(
                settings.piggy_base_url,
                client_id=settings.piggy_client_id,
                client_secret=secret,
                timeout=timeout,
                transport=transport,
                sleep=sleep,
                user_agent=USER_AGENT,
            )
        else:
            problems.append(
                "Piggy is not set up: set piggy_client_id and run "
                "`pos-app secrets set piggy-client-secret`."
            )
    else:
        token = secrets.get(SecretName.PIGGY_TOKEN)
        if token:
            piggy = PiggyClient(
                settings.piggy_base_url,
                token=token,
                timeout=timeout,
                transport=transport,
                sleep=sleep,
                user_agent=USER_AGENT,
            )
        else:
            problems.append("Piggy is not set up: run `pos-app secrets set piggy-token`.")

    giftoin: GiftoinClient | None = None
    giftoin_key = secrets.get(SecretName.GIFTOIN_API_KEY)
    if settings.giftoin_base_url and giftoin_key:
        giftoin = GiftoinClient(
            settings.giftoin_base_url,
            api_key=giftoin_key,
            timeout=timeout,
            transport=transport,
            sleep=sleep,
            user_agent=USER_AGENT,
        )

    nudj: NudjClient | None = None
    nudj_token = secrets.get(SecretName.NUDJ_TOKEN)
    if settings.nudj_base_url and nudj_token:
        nudj = NudjClient(
            settings.nudj_base_url,
            token=nudj_token,
            language=settings.language,
            timeout=timeout,
            transport=transport,
            sleep=sleep,
            user_agent=USER_AGENT,
        )
    return ApiClients(piggy=piggy, giftoin=giftoin, nudj=nudj, problems=problems)
