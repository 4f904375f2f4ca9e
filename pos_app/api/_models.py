"""Building blocks shared by the vendor models: tolerance where the vendors are loose.

The vendors' payloads drift (new keys, PHP's ``[]`` for an empty map, doc placeholders such
as ``"<any>"``, new enum values). A display panel must not go blank because one optional
field is odd, so the Giftoin and Nudj models wrap their fields in :data:`Lenient` (an odd
value becomes ``None``) and their lists in :data:`LenientList` (an odd item is dropped).
Piggy's money path stays strict (see ``piggy_models``).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

T = TypeVar("T")


class ApiModel(BaseModel):
    """Base of every response model: immutable, unknown keys ignored, ids coerced to str.

    ``coerce_numbers_to_str`` because the vendors send the same id as ``20002`` in one
    payload and ``"123"`` in another, and ids are opaque strings to us.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="ignore",
        populate_by_name=True,
        coerce_numbers_to_str=True,
    )


def _none_on_error(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    try:
        return handler(value)
    except ValidationError:
        return None


Lenient = Annotated[T | None, WrapValidator(_none_on_error)]
"""An optional field whose odd value (wrong type, placeholder) reads as ``None``."""


def _drop_invalid_items(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if not isinstance(value, list):
        return handler([])
    items = list(value)
    # Each round removes at least one item, so this ends after len(items) + 1 rounds.
    for _ in range(len(items) + 1):
        try:
            return handler(items)
        except ValidationError as exc:
            bad = {
                err["loc"][0]
                for err in exc.errors(include_url=False, include_input=False)
                if err["loc"] and isinstance(err["loc"][0], int)
            }
            if not bad:
                raise
            items = [item for index, item in enumerate(items) if index not in bad]
    return handler([])


LenientList = Annotated[list[T], WrapValidator(_drop_invalid_items)]
"""A list whose items that do not fit are dropped; a non-list reads as empty."""


def _php_map(value: Any) -> Any:
    # PHP serialises an empty associative array as [] (API_NOTES: Piggy meta, attributes).
    if value is None or (isinstance(value, list) and not value):
        return {}
    return value


PhpMap = Annotated[dict[str, Any], BeforeValidator(_php_map)]
"""A JSON object that may arrive as ``{}``, ``[]`` or ``null`` when empty."""


def _php_null_object(value: Any) -> Any:
    # [inferred] the same PHP serialiser may send an absent nested object as [] or {}.
    if isinstance(value, list | dict) and not value:
        return None
    return value


def _null_is_false(value: Any) -> Any:
    return False if value is None else value


PhpObject = Annotated[T | None, BeforeValidator(_php_null_object)]
"""A nested object that may be ``null``, ``[]`` or ``{}`` when absent (read as None)."""

NullFalse = Annotated[bool, BeforeValidator(_null_is_false)]
"""A flag where ``null`` means ``false``."""


def _assume_utc(value: datetime) -> datetime:
    # [inferred] Piggy documents offsets on every datetime; a naive one is read as UTC
    # rather than failing the whole reward list.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_assume_utc)]
"""An ISO-8601 datetime, always timezone-aware."""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            return float(value)  # OverflowError for an int beyond any float
        if isinstance(value, str):
            return float(value.strip())
    except (ValueError, OverflowError):
        return None
    return None


def _epoch_ms_to_datetime(value: Any) -> Any:
    if value is None or isinstance(value, datetime):
        return value
    number = _number(value)
    if number is None:
        raise ValueError("not an epoch-milliseconds number")
    try:
        return datetime.fromtimestamp(number / 1000.0, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise ValueError("epoch milliseconds out of range") from exc


def _ms_to_timedelta(value: Any) -> Any:
    if value is None or isinstance(value, timedelta):
        return value
    number = _number(value)
    if number is None:
        raise ValueError("not a milliseconds number")
    try:
        return timedelta(milliseconds=number)
    except OverflowError as exc:
        raise ValueError("milliseconds out of range") from exc


EpochMs = Annotated[datetime, BeforeValidator(_epoch_ms_to_datetime)]
"""A point in time sent as epoch milliseconds (Giftoin), as an aware UTC datetime."""

Milliseconds = Annotated[timedelta, BeforeValidator(_ms_to_timedelta)]
"""A duration sent as milliseconds (Giftoin ``timeLeft``)."""
