"""Pickup references: the short code printed (and as a QR code) on a pickup slip.

Format: ``PU-`` followed by 8 characters of Crockford base32 (``0-9`` and ``A-Z`` without
``I L O U``), encoding the first 40 bits of the collect's operation id, e.g. ``PU-7QX3M2KD``.
Crockford's alphabet because a manager may have to type the code off a crumpled slip: it has
no letters that look like digits, and reading ``O``/``I``/``L`` as ``0``/``1`` is allowed.

The reference is derived, not stored: it maps back to an operation id *prefix* that an
index lookup finds. The first 40 bits of a uuid4 are all random, and the journal refuses to
create an operation whose reference is already taken, so within one journal a reference
names exactly one operation.
"""

from __future__ import annotations

import re
import uuid

__all__ = ["REFERENCE_PREFIX", "operation_id_prefix", "parse_reference", "pickup_reference"]

REFERENCE_PREFIX = "PU-"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {char: value for value, char in enumerate(_ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
_BITS = 40
_CHARS = _BITS // 5
_PATTERN = re.compile(r"PU[-\s]*([0-9A-Z]{4})[-\s]*([0-9A-Z]{4})")


def pickup_reference(operation_id: str) -> str:
    """The reference of the collect with this operation id."""
    number = int.from_bytes(uuid.UUID(operation_id).bytes[: _BITS // 8], "big")
    chars = [_ALPHABET[(number >> shift) & 0x1F] for shift in range(_BITS - 5, -1, -5)]
    return REFERENCE_PREFIX + "".join(chars)


def parse_reference(text: str) -> str | None:
    """The canonical reference in ``text`` (a scan or what a person typed), else ``None``.

    Case, surrounding blanks, a missing or doubled hyphen and ``O``/``I``/``L`` typed for
    ``0``/``1`` are forgiven; anything else (``U``, wrong length) is not a reference.
    """
    match = _PATTERN.fullmatch(text.strip().upper())
    if match is None:
        return None
    body = match.group(1) + match.group(2)
    if any(char not in _DECODE for char in body):
        return None
    return REFERENCE_PREFIX + "".join(_ALPHABET[_DECODE[char]] for char in body)


def operation_id_prefix(reference: str) -> str:
    """The start of the operation id a canonical reference stands for: ``"1f2e3d4c-5b"``."""
    body = reference.removeprefix(REFERENCE_PREFIX)
    if len(body) != _CHARS or any(char not in _DECODE for char in body):
        raise ValueError(f"not a pickup reference: {reference!r}")
    number = 0
    for char in body:
        number = (number << 5) | _DECODE[char]
    digits = f"{number:0{_BITS // 4}x}"
    return f"{digits[:8]}-{digits[8:]}"
