"""Reading a response body safely: a size cap while streaming, and JSON of bounded depth.

Every body, however hostile, ends as bytes within the cap, a parsed value, or a ValueError
the transport turns into a :class:`~pos_app.api.errors.ResponseValidationError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import httpx

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "MAX_ERROR_BODY_BYTES",
    "MAX_JSON_DEPTH",
    "BodyTooLarge",
    "JsonTooDeepError",
    "json_or_none",
    "parse_json",
    "read_capped",
]

#: Bodies are read up to this size and refused beyond it. A customer with a thousand
#: rewards sends ~700 kB, so this leaves room for ten thousand.
DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024
#: An error body needs a message and a code, nothing more.
MAX_ERROR_BODY_BYTES = 64 * 1024
#: The vendors' payloads nest a handful of levels. Anything deeper is refused before a
#: repr, a validator or a log line can recurse through it.
MAX_JSON_DEPTH = 64


class JsonTooDeepError(ValueError):
    """A JSON body nested deeper than :data:`MAX_JSON_DEPTH`."""


def parse_json(content: bytes) -> Any:
    """``content`` as JSON; ValueError for anything that is not usable JSON.

    Besides :func:`json.loads`' own errors (a numeral of more than 4,300 digits is one),
    nesting is bounded: the C decoder raises RecursionError near a thousand levels, and a
    body just below that would make the first repr or recursive walk overflow instead.
    """
    try:
        body = json.loads(content)
    except RecursionError:
        raise JsonTooDeepError("nested too deeply") from None
    if _nested_deeper_than(body, MAX_JSON_DEPTH):
        raise JsonTooDeepError("nested too deeply")
    return body


def _nested_deeper_than(value: Any, limit: int) -> bool:
    # Iterative: a recursive walk is what this guards against.
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"over {limit} bytes")
        self.limit = limit


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The (decoded) body, read until its end or until it passes ``limit`` bytes.

    Counted after decompression, so a small gzip bomb is caught as well.
    """
    declared = response.headers.get("content-length", "").strip()
    if declared.isascii() and declared.isdigit() and len(declared) < 20 and int(declared) > limit:
        raise BodyTooLarge(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def json_or_none(content: bytes | None) -> Any:
    if not content:
        return None
    try:
        return parse_json(content)
    except ValueError:
        return None
