"""Typed async HTTP clients for the three vendor APIs (Piggy, Giftoin, Nudj). No Qt here.

One client per vendor, each owning one ``httpx.AsyncClient``; typed pydantic models;
one error hierarchy in :mod:`pos_app.api.errors`; retries only for reads, in one place
(``pos_app.api._transport``). The UI and services never see an ``httpx`` exception.
"""

from pos_app.api import errors
from pos_app.api._logsafe import install_httpx_log_filter
from pos_app.api._transport import RetryPolicy
from pos_app.api.giftoin import GiftoinClient
from pos_app.api.giftoin_models import (
    ChallengeCard,
    ChallengeDuration,
    ChallengeReward,
    CollectionChallenge,
    GiftoinInventory,
)
from pos_app.api.nudj import NudjClient
from pos_app.api.nudj_models import NudjCustomer, NudjReward, NudjRewardsPage, NudjXp
from pos_app.api.piggy import PiggyClient
from pos_app.api.piggy_models import (
    CollectableReward,
    Contact,
    ContactIdentifier,
    ContactRef,
    Media,
    RedemptionResult,
    Reward,
    Shop,
    Tier,
    VerificationResult,
)

__all__ = [
    "ChallengeCard",
    "ChallengeDuration",
    "ChallengeReward",
    "CollectableReward",
    "CollectionChallenge",
    "Contact",
    "ContactIdentifier",
    "ContactRef",
    "GiftoinClient",
    "GiftoinInventory",
    "Media",
    "NudjClient",
    "NudjCustomer",
    "NudjReward",
    "NudjRewardsPage",
    "NudjXp",
    "PiggyClient",
    "RedemptionResult",
    "RetryPolicy",
    "Reward",
    "Shop",
    "Tier",
    "VerificationResult",
    "errors",
    "install_httpx_log_filter",
]
