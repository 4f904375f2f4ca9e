"""How the settings (pos_app.services.settings) read a value as a setting's type.

The settings are read before the window's first paint; importing pydantic and
pydantic-settings for them took about 230 ms of the start, so they are read here instead,
as pydantic's lax mode read them. A true/false setting takes true/false, 0/1 and the words
1/0, true/false, yes/no, on/off, t/f, y/n in any case; a number takes a number or a text
that is one (true counts as 1); a text takes text only (5 is not a name); a folder takes a
text or a path; a choice takes one of its values, exactly. A refusal says what was
expected, in pydantic's words, and never repeats the value: a connection URL may hold a
password.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, get_args

__all__ = ["Refused", "SettingInfo", "setting", "typed"]


class Refused(Exception):
    """The value is not of the setting's type (or outside its limits); the message says so."""


_TRUE_WORDS = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE_WORDS = frozenset({"0", "off", "f", "false", "n", "no"})


def _read_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.lower()  # not stripped: " true " is refused
        if word in _TRUE_WORDS or word in _FALSE_WORDS:
            return word in _TRUE_WORDS
    elif isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        if isinstance(value, float) and not value.is_integer():  # 1.5, nan, inf
            raise Refused("Input should be a valid boolean")
    else:
        raise Refused("Input should be a valid boolean")
    raise Refused("Input should be a valid boolean, unable to interpret input")


def _read_float(value: object) -> float:
    if isinstance(value, int | float):  # True and False too: 1.0 and 0.0
        try:
            return float(value)
        except OverflowError:
            pass
    elif isinstance(value, str):
        text = value.strip()
        # float() also reads other scripts' digits, which pydantic did not.
        if text.isascii():
            try:
                return float(text)
            except ValueError:
                pass
        raise Refused("Input should be a valid number, unable to parse string as a number")
    raise Refused("Input should be a valid number")


def _read_str(value: object) -> str:
    if not isinstance(value, str):  # no numbers: 5 is not a name
        raise Refused("Input should be a valid string")
    return str.__str__(value)  # a plain str, also of a StrEnum's member


def _read_path(value: object) -> Path:
    if not isinstance(value, str | Path):
        raise Refused("Input is not a valid path for <class 'pathlib.Path'>")
    return Path(value)


def _choice_of(kind: type[StrEnum]) -> Callable[[object], StrEnum]:
    """How a setting with these choices reads a value: one of their values, exactly."""
    shown = [repr(choice.value) for choice in kind]
    expected = " or ".join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)

    def read(value: object) -> StrEnum:
        if isinstance(value, kind):
            return value
        if isinstance(value, str):
            try:
                return kind(value)
            except ValueError:
                pass
        raise Refused(f"Input should be {expected}")

    return read


def _not_typed(value: object) -> object:
    raise TypeError("a SettingInfo reads values once typed() gave it its type")


_READERS: dict[object, Callable[[object], object]] = {
    bool: _read_bool,
    float: _read_float,
    str: _read_str,
    Path: _read_path,
}


@dataclass(frozen=True)
class SettingInfo:
    """One setting: its default, limits, checks and description (``Settings.model_fields``)."""

    description: str
    default: Any = MISSING
    default_factory: Callable[[], Any] | None = None
    gt: float | None = None
    ge: float | None = None
    le: float | None = None
    #: Run on the value as given, before it is read as the setting's type.
    before: Callable[[Any], Any] | None = None
    #: Run on the value read; a ValueError refuses it.
    check: Callable[[Any], Any] | None = None
    #: Reads a value as the setting's type (set by :func:`typed`, from the annotation).
    read: Callable[[object], object] = _not_typed
    #: None is a value too (``X | None``).
    optional: bool = False

    def default_value(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default

    def validate(self, value: object) -> Any:
        """The value as the setting holds it; :class:`Refused` or ValueError if unusable."""
        if self.before is not None:
            value = self.before(value)
        if value is not None or not self.optional:
            value = self.read(value)
            if isinstance(value, float):
                self._within_limits(value)
        return self.check(value) if self.check is not None else value

    def _within_limits(self, value: float) -> None:
        # In pydantic's order (it decides which limit a NaN is said to miss).
        if self.le is not None and not value <= self.le:
            raise Refused(f"Input should be less than or equal to {self.le}")
        if self.ge is not None and not value >= self.ge:
            raise Refused(f"Input should be greater than or equal to {self.ge}")
        if self.gt is not None and not value > self.gt:
            raise Refused(f"Input should be greater than {self.gt}")


def setting(
    *,
    description: str,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | None = None,
    gt: float | None = None,
    ge: float | None = None,
    le: float | None = None,
    before: Callable[[Any], Any] | None = None,
    check: Callable[[Any], Any] | None = None,
) -> Any:
    """A field of :class:`~pos_app.services.settings.Settings`, read as its annotation says."""
    info = SettingInfo(description, default, default_factory, gt, ge, le, before, check)
    return field(metadata={"setting": info})


def typed(info: SettingInfo, annotation: object) -> SettingInfo:
    """``info``, reading values as ``annotation`` says (bool, float, str, Path, a StrEnum;
    each also ``X | None``)."""
    kinds = get_args(annotation) or (annotation,)
    (kind,) = [option for option in kinds if option is not type(None)]
    is_choice = isinstance(kind, type) and issubclass(kind, StrEnum)
    read = _choice_of(kind) if is_choice else _READERS[kind]
    return replace(info, read=read, optional=type(None) in kinds)
