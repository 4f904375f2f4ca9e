"""Giftoin Users API: collection-challenge progress and inventory."""

from __future__ import annotations

from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from pos_app.sandbox.common import (
    SandboxContext,
    VendorRoute,
    epoch_ms,
    giftoin_error,
    giftoin_status,
    media_url,
)
from pos_app.sandbox.demo_data import GiftoinChallenge, GiftoinUser

PREFIX: Final = "/api/v1/users/{platform}/{platform_user_id}"

# [inferred] Giftoin documents 404 but not its errorCode; the HTTP status is used.
USER_NOT_FOUND: Final = (404, 404, "User not found.")
PROGRAM_NOT_FOUND: Final = (404, 404, "Collection challenge not found.")


def render_challenge(
    request: Request, ctx: SandboxContext, challenge: GiftoinChallenge
) -> dict[str, Any]:
    now_ms = epoch_ms(ctx.state.now())
    body: dict[str, Any] = {
        "id": challenge.id,
        "name": challenge.name,
        "image": media_url(request, challenge.picture),
        "description": challenge.description,
    }
    # Every field is optional at Giftoin: what a challenge lacks is left out, not null.
    if challenge.size is not None:
        body["size"] = challenge.size
    if challenge.cards is not None:
        body["cards"] = [
            {
                "name": card.name,
                "id": card.id,
                "image": media_url(request, card.picture),
                "ownedQuantity": card.owned_quantity,
                "isOwned": card.owned_quantity > 0,
                "rarity": card.rarity,
            }
            for card in challenge.cards
        ]
    body["progressInPercentage"] = challenge.progress_percent
    body["environment"] = challenge.environment
    body["createdTimestamp"] = challenge.created_ms
    # With no end the value means nothing; Giftoin still sends a number.
    body["timeLeft"] = max(challenge.end_ms - now_ms, 0) if challenge.end_ms is not None else 0
    if challenge.reward is not None:
        reward = challenge.reward
        reward_body: dict[str, Any] = {
            "id": reward.id,
            "name": reward.name,
            "image": media_url(request, reward.picture),
            "description": reward.description,
            "isClaimed": reward.is_claimed,
            "canClaim": reward.can_claim,
            "value": reward.value,
        }
        if reward.claimed_at_ms is not None:
            reward_body["claimedTimestamp"] = reward.claimed_at_ms
        reward_body["viewType"] = reward.view_type
        body["reward"] = reward_body
    body["status"] = challenge.status
    if challenge.collected_count is not None:
        body["collectedCount"] = challenge.collected_count
    body["duration"] = {
        "start": {"date": challenge.start_ms, "showBefore": True},
        "end": (
            {"date": challenge.end_ms, "showAfter": False} if challenge.end_ms is not None else None
        ),
    }
    return body


def render_inventory(request: Request, user: GiftoinUser) -> dict[str, Any]:
    # [inferred] The docs only say "collections and points balance"; this is our reading.
    return {
        "platform": user.platform,
        "platformUserId": user.platform_user_id,
        "points": user.points,
        "collections": [
            {
                "id": challenge.id,
                "name": challenge.name,
                "image": media_url(request, challenge.picture),
                "cards": [
                    {
                        "id": card.id,
                        "name": card.name,
                        "image": media_url(request, card.picture),
                        "quantity": card.owned_quantity,
                        "rarity": card.rarity,
                    }
                    for card in challenge.cards or ()
                    if card.owned_quantity > 0
                ],
            }
            for challenge in user.challenges
            if challenge.cards
        ],
    }


def routes(ctx: SandboxContext) -> list[VendorRoute]:
    state = ctx.state

    def answer(data: object) -> Response:
        if ctx.config.giftoin_envelope:
            return JSONResponse({"data": data, "status": giftoin_status(state)})
        return JSONResponse(data)

    def find_user(request: Request) -> GiftoinUser | None:
        key = (request.path_params["platform"], request.path_params["platform_user_id"])
        return state.data.giftoin_users.get(key)

    async def progress_list(request: Request) -> Response:
        with state.lock:
            user = find_user(request)
            if user is None:
                return giftoin_error(state, *USER_NOT_FOUND)
            data = [render_challenge(request, ctx, c) for c in user.challenges]
        return answer(data)

    async def progress_one(request: Request) -> Response:
        with state.lock:
            user = find_user(request)
            if user is None:
                return giftoin_error(state, *USER_NOT_FOUND)
            program_id = request.path_params["program_id"]
            challenge = next((c for c in user.challenges if c.id == program_id), None)
            if challenge is None:
                return giftoin_error(state, *PROGRAM_NOT_FOUND)
            data = render_challenge(request, ctx, challenge)
        return answer(data)

    async def inventory(request: Request) -> Response:
        with state.lock:
            user = find_user(request)
            if user is None:
                return giftoin_error(state, *USER_NOT_FOUND)
            data = render_inventory(request, user)
        return answer(data)

    return [
        VendorRoute(
            "giftoin.progress",
            f"{PREFIX}/progress/collection-challenges",
            ("GET",),
            progress_list,
        ),
        VendorRoute(
            "giftoin.progress",
            f"{PREFIX}/progress/collection-challenges/{{program_id}}",
            ("GET",),
            progress_one,
        ),
        VendorRoute("giftoin.inventory", f"{PREFIX}/inventory", ("GET",), inventory),
    ]
