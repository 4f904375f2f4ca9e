"""Nudj API v2: the integration rewards catalogue and the admin user lookup."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from pos_app.sandbox.common import (
    SandboxContext,
    VendorRoute,
    media_url,
    nudj_error,
    nudj_time,
)
from pos_app.sandbox.demo_data import NudjReward, NudjUser

LANGUAGES: Final = ("en", "nl", "de")
DEFAULT_LANGUAGE: Final = "en"
REWARDS_PATH: Final = "integration.rewards.list"
# [inferred] The tRPC procedure behind GET /admin/users/{id}.
USER_PATH: Final = "admin.users.get"
_INTEGER = re.compile(r"^-?\d+$")


def language(request: Request) -> str:
    """The x-language header's language, or the organisation's default."""
    wanted = request.headers.get("x-language", "").strip().lower().replace("_", "-")
    primary = wanted.split("-")[0]
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


class _BadInput(Exception):
    pass


def _int_param(request: Request, name: str, default: int, low: int, high: int | None) -> int:
    text = request.query_params.get(name)
    if text is None or text == "":
        return default
    if not _INTEGER.match(text.strip()):
        raise _BadInput(f"{name}: Expected integer, received {text!r}")
    value = int(text)
    if value < low:
        raise _BadInput(f"{name}: Number must be greater than or equal to {low}")
    if high is not None and value > high:
        raise _BadInput(f"{name}: Number must be less than or equal to {high}")
    return value


def _details(title: str, description: str, picture: str | None) -> dict[str, Any]:
    images = {"primaryImageUrl": picture, "secondaryImageUrl": None}
    return {"title": title, "description": description, "light": images, "dark": dict(images)}


def _tag(org: str, value: str, moment: datetime) -> dict[str, Any]:
    return {
        "id": f"tag-{value}",
        "organisationId": org,
        "value": value,
        "config": {"filtering": ["rewards"], "display": ["badge"], "iconifyIcon": "mdi:tag"},
        "createdAt": nudj_time(moment),
        "updatedAt": nudj_time(moment),
    }


def _campaign(org: str, now: datetime) -> dict[str, Any]:
    return {
        "id": "campaign-autumn",
        "organisationId": org,
        "name": "Autumn at the counter",
        "startDate": nudj_time(now - timedelta(days=30)),
        "endDate": nudj_time(now + timedelta(days=60)),
        "status": "live",
        "createdAt": nudj_time(now - timedelta(days=40)),
        "updatedAt": nudj_time(now - timedelta(days=40)),
    }


def _distribution(reward_id: str, points: int, xp: int) -> dict[str, Any]:
    return {
        "points": points,
        "completionXp": xp,
        "items": [
            {
                "id": reward_id,
                "details": {},
                "type": "assets",
                "amountToDistribute": 1,
                "totalSupply": 100,
                "remainingSupply": 60,
            }
        ],
        "rewardSelectionMethod": "all",
        "numberOfRewardsToReceive": 1,
        "distributionEventId": f"dist-{reward_id}",
    }


def _linked_challenge(
    reward: NudjReward, lang: str, picture: str | None, org: str, community: str, now: datetime
) -> dict[str, Any]:
    """A challenge that hands out this reward, with every key the docs list."""
    challenge_id = f"challenge-{reward.id}"
    action_id = f"action-{reward.id}"
    group_id = f"group-{reward.id}"
    created = nudj_time(now - timedelta(days=20))
    title = "Visit the store" if lang == "en" else "Bezoek de winkel"
    description = (
        "Scan your card at the counter." if lang == "en" else "Scan je kaart bij de kassa."
    )
    details = _details(title, description, picture)
    return {
        "id": challenge_id,
        "organisationId": org,
        "communityId": community,
        "additionalCommunityIds": [],
        "details": details,
        "progressPeriod": "weekly",
        "maxCompletionsPerPeriod": 1,
        "numberOfActions": 1,
        "actionIds": [action_id],
        "challengeType": "quest",
        "enabledForSingleView": True,
        "actionGroups": [
            {
                "id": group_id,
                "parentGroupId": group_id,
                "type": "single",
                "displayType": "list",
                "details": details,
            }
        ],
        "status": "live",
        "startDate": nudj_time(now - timedelta(days=14)),
        "endDate": nudj_time(now + timedelta(days=60)),
        "featured": False,
        "threadId": f"thread-{reward.id}",
        "isSkippable": False,
        "isLinear": True,
        "unlockPrice": 0,
        "tags": [_tag(org, "in-store", now - timedelta(days=40))],
        "campaigns": [_campaign(org, now)],
        "availableAsTemplateForOrganisations": [],
        "isGlobalTemplate": False,
        "startsAt": nudj_time(now - timedelta(days=14)),
        "expiresAt": nudj_time(now + timedelta(days=60)),
        "groupIds": [group_id],
        "createdAt": created,
        "updatedAt": created,
        "videoConfig": {"videoUrl": "", "isVideoEnabled": False},
        "actions": [
            {
                "id": action_id,
                "organisationId": org,
                "communityId": community,
                "allocationId": f"allocation-{reward.id}",
                "allocatedTo": "challenge",
                "actionGroupId": group_id,
                "actionGroupIndex": 0,
                "position": 0,
                "category": "nudj",
                "key": "visit-store",
                "details": details,
                "progressPeriod": "weekly",
                "maxCompletionsPerPeriod": 1,
                "attributes": {},
                "config": {
                    "isOptional": False,
                    "socialValidation": "validation-off",
                    "prerequisites": {"requiredActionCount": 0, "actionIds": []},
                    "requiresCorrectAnswer": False,
                },
                "videoMetadata": {
                    "startsAtMs": 0,
                    "shouldPause": False,
                    "validatesAtMs": 0,
                    "endsAtMs": 0,
                },
                "createdAt": created,
                "availableAsTemplateForOrganisations": [],
                "isGlobalTemplate": False,
                "previousAction": "",
                "nextAction": "",
                "stats": {"totalXp": 50},
                "reward": _distribution(reward.id, 10, 50),
                "userState": {
                    "criteriaMet": False,
                    "status": "not-started",
                    "statusMessage": "",
                    "eligibleXp": 50,
                    "earnedXp": 0,
                    "attempts": 0,
                    "output": None,
                    "unmetCriteriaMessage": "",
                },
                "participations": [],
            }
        ],
        "community": {
            "id": community,
            "name": "Demo Community",
            "description": "Everyone who shops with us.",
            "slug": "demo",
            "logo": picture,
        },
        "participantStats": {"startedCount": 42, "completedCount": 17},
        "stats": {"totalXp": 50, "totalActionsCount": 1},
        "reward": _distribution(reward.id, 10, 50),
        "userState": {
            "status": "not-started",
            "completionsInPeriod": 0,
            "totalCompletions": 0,
            "keysContributed": 0,
            "latestAttempt": {
                "eligibleXp": 50,
                "actionsCompletedCount": 0,
                "startedAt": created,
                "earnedXp": 0,
                "earnedPoints": 0,
                "earnedRewardAssets": [],
                "earnedRewardEntries": [],
                "completionTime": 0,
                "successRate": 0,
            },
            "historicAttempts": [],
        },
    }


def _linked_achievement(
    reward: NudjReward, lang: str, picture: str | None, org: str, community: str, now: datetime
) -> dict[str, Any]:
    created = nudj_time(now - timedelta(days=20))
    title = "Regular" if lang == "en" else "Vaste klant"
    description = "Visit five times." if lang == "en" else "Kom vijf keer langs."
    return {
        "id": f"achievement-{reward.id}",
        "organisationId": org,
        "communityId": community,
        "details": _details(title, description, picture),
        "progressPeriod": "all-time",
        "displayMode": "default",
        "tags": ["in-store"],
        "campaigns": ["campaign-autumn"],
        "criteria": {"type": "sum", "parameters": {"target": 5}},
        "queries": [
            {
                "type": "event",
                "alias": "visits",
                "parameters": {
                    "eventName": "store-visit",
                    "eventCategory": "achievement",
                    "eventSubCategory": "achievement-completion",
                    "eventSourceId": f"challenge-{reward.id}",
                    "tags": ["in-store"],
                },
                "isCommunityScoped": True,
            }
        ],
        "queryDescriptions": {},
        "status": "live",
        "featured": False,
        "availableAsTemplateForOrganisations": [],
        "isGlobalTemplate": False,
        "startsAt": nudj_time(now - timedelta(days=14)),
        "expiresAt": nudj_time(now + timedelta(days=60)),
        "createdAt": created,
        "updatedAt": created,
        "userState": {
            "status": "in-progress",
            "completedAt": "",
            "timesCompleted": 0,
            "isClaimable": False,
            "isClaimed": False,
            "updatedAt": created,
            "earnedPoints": 0,
            "earnedRewardAssets": [],
            "earnedRewardEntries": [],
            "earnedXp": 0,
            "progressResetsAt": nudj_time(now + timedelta(days=60)),
            "type": "sum",
            "isComplete": False,
            "currentValue": 2,
            "targetValue": 5,
            "conditions": [{}],
        },
        "stats": {"completedCount": 9},
        "reward": _distribution(reward.id, 25, 100),
    }


def render_reward(
    request: Request, ctx: SandboxContext, reward: NudjReward, lang: str, linked: bool
) -> dict[str, Any]:
    data = ctx.state.data
    org, community, now = data.nudj_organisation_id, data.nudj_community_id, data.now
    picture = media_url(request, reward.picture)
    distributed = reward.supply - reward.remaining
    created = nudj_time(reward.created_at)
    return {
        "id": reward.id,
        "organisationId": org,
        "communityId": community,
        "additionalCommunityIds": [],
        "details": _details(reward.titles[lang], reward.descriptions[lang], picture),
        "assetPointsPrice": reward.points_price,
        "assetPointsSwapValue": reward.points_price // 2,
        "entryPointsPrice": 0,
        "assetsSupply": reward.supply,
        "entriesSupply": 0,
        "maxAssetsPerUser": reward.max_per_user,
        "maxEntriesPerUser": 0,
        "allocationsType": "assets-only",
        "isSharedAssetsSupply": True,
        "isSharedEntriesSupply": True,
        "allocations": [
            {
                "id": f"allocation-{reward.id}",
                "allocationType": "assets",
                "supply": reward.supply,
                "amountToDistribute": reward.supply,
                "distributed": distributed,
                "isShop": True,
                "isLive": True,
            }
        ],
        "redemptionConfig": {
            "instructions": "Show this reward at the counter.",
            "instructionsImageUrl": picture,
            "supportEmail": "support@example.com",
            "supportPhoneNumber": "+31201234567",
            "supportUrl": "https://support.example.com",
            "type": "rich-text",
            "additionalInformation": [
                {"variableConfigId": "pickup-store", "required": True, "position": 1}
            ],
            "redeemByDate": nudj_time(now + timedelta(days=90)),
            "autoRedeem": False,
            "content": "<p>Pick it up in any of our stores.</p>",
        },
        "featured": reward.featured,
        "tags": [_tag(org, "featured" if reward.featured else "shop", reward.created_at)],
        "campaigns": [_campaign(org, now)],
        "status": "live",
        # Only raffles (entries) are drawn; asset rewards have no draw date.
        "drawsAt": None,
        "startsAt": created,
        "expiresAt": nudj_time(reward.expires_at),
        "isManualGiveaway": False,
        "availableAsTemplateForOrganisations": [],
        "isGlobalTemplate": False,
        "metadata": {},
        "createdAt": created,
        "updatedAt": created,
        "challenges": (
            [_linked_challenge(reward, lang, picture, org, community, now)] if linked else []
        ),
        "achievements": (
            [_linked_achievement(reward, lang, picture, org, community, now)] if linked else []
        ),
        "initialAssetSupply": reward.supply,
        "initialEntrySupply": 0,
        "distributedAssetCount": distributed,
        "distributedEntryCount": 0,
        "remainingAssetSupply": reward.remaining,
        "remainingEntrySupply": 0,
        "remainingShopAssetSupply": reward.remaining,
        "remainingShopEntrySupply": 0,
        # Integration calls run as the token's user: the organisation token owns none.
        "userEntryCount": 0,
        "userAssetCount": 0,
    }


def render_user(user: NudjUser, community: str) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "externalUserId": user.external_user_id,
        "username": user.username,
        "points": user.points,
        "keys": user.keys,
        "xp": dict(user.xp),
        "communityData": [
            {
                "communityId": community,
                "streak": {
                    "currentStreak": user.streak,
                    "lastExtendedAt": nudj_time(user.last_extended_at),
                    "longestStreak": user.longest_streak,
                },
                "challengesCompleted": user.challenges_completed,
                "achievementsCompleted": user.achievements_completed,
                "points": user.points,
                "xp": user.xp["total"],
                "hasAcceptedRules": True,
            }
        ],
        "socialHandles": {
            "instagram": None,
            "tiktok": None,
            "loyaltyCardNumber": user.loyalty_card,
        },
        "locale": user.locale,
    }


def routes(ctx: SandboxContext) -> list[VendorRoute]:
    state = ctx.state

    async def rewards(request: Request) -> Response:
        try:
            limit = _int_param(request, "limit", 10, 1, 100)
            skip = _int_param(request, "skip", 0, 0, None)
        except _BadInput as exc:
            return nudj_error(400, REWARDS_PATH, str(exc))
        lang = language(request)
        with state.lock:
            catalogue = state.data.nudj_rewards
            page = catalogue[skip : skip + limit]
            edges = [
                render_reward(request, ctx, reward, lang, linked=reward is catalogue[0])
                for reward in page
            ]
            total = len(catalogue)
        return JSONResponse({"totalCount": total, "edges": edges})

    async def user(request: Request) -> Response:
        wanted = request.path_params["user_id"]
        with state.lock:
            # Nudj promises only its own id ("retrieve a user by their ID") and, on a sibling
            # endpoint, the merchant's external id [inferred]. An email is documented nowhere,
            # so it gets the not-found answer a real lookup by an unknown id gets.
            found = next(
                (u for u in state.data.nudj_users if wanted in (u.id, u.external_user_id)),
                None,
            )
            if found is None:
                return nudj_error(404, USER_PATH, "User not found")
            body = render_user(found, state.data.nudj_community_id)
        return JSONResponse(body)

    return [
        VendorRoute("nudj.rewards", "/api/v2/integration/rewards", ("GET",), rewards),
        VendorRoute("nudj.user", "/api/v2/admin/users/{user_id}", ("GET",), user),
    ]
