"""Gold annotation files (shared/gold/SCHEMA.md): read a folder, check every field.

A gold file that is wrong in any field would silently lower or raise a score, so
loading is strict: the first bad field stops the run with an error naming the
file and the field path (``events[2].date``). Keys the schema does not define
(an annotator's ``notes``) are allowed and ignored.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from palmyra.errors import InputError
from palmyra.evaluate.dates import precision_of
from palmyra.model import EVENT_TYPES, SUB_EVENT_TYPES

GOLD_SUFFIX = ".gold.json"

EVENT_PRECISIONS = ("day", "week", "month", "year")
# 1 the place itself, 2 near or part of a named place, 3 only a province/region/country
GEO_PRECISIONS = (None, 1, 2, 3)
_DATE_SHAPES = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}

_STR, _INT, _LIST = (str,), (int,), (list,)


class GoldError(InputError):
    """A gold file is missing, unreadable or has a field that breaks the schema."""


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """Every ``*.gold.json`` in ``folder``, checked, in file-name order.

    Raises:
        GoldError: the folder is missing or holds no gold file, or a file breaks the
            schema (the message names the file and the field).
    """
    if not folder.is_dir():
        raise GoldError(str(folder), "no such folder of gold files")
    paths = sorted(folder.glob("*" + GOLD_SUFFIX))
    if not paths:
        raise GoldError(str(folder), f"no *{GOLD_SUFFIX} files in this folder")
    return [read_gold_file(p) for p in paths]


def read_gold_file(path: Path) -> dict[str, Any]:
    """One gold file, checked against the schema."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise GoldError(str(path), f"not valid JSON ({err.msg}, line {err.lineno})") from err
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(str(path), f"cannot read ({err})") from err
    check = _Checker(path)
    if not isinstance(data, dict):
        raise check.error("", f"expected a JSON object, got {type(data).__name__}")
    doc = check.field(data, "doc", _STR, where="")
    if doc + GOLD_SUFFIX != path.name:
        raise check.error("doc", f"{doc!r} does not match the file name (expected "
                                 f"{path.name.removesuffix(GOLD_SUFFIX)!r})")
    for key in ("title", "outlet", "author"):
        check.field(data, key, _STR, where="", nullable=True)
    check.iso_day(data, "published", where="")
    body_end = check.field(data, "body_end", _INT, where="", nullable=True)
    if body_end is not None and body_end < 0:
        raise check.error("body_end", "must not be negative")
    for kind, check_item in (("events", check.event), ("quotes", check.quote),
                             ("citations", check.citation)):
        for i, item in enumerate(check.field(data, kind, _LIST, where="")):
            where = f"{kind}[{i}]."
            if not isinstance(item, dict):
                raise check.error(where[:-1], "expected a JSON object")
            check_item(item, where)
    return data


class _Checker:
    """Field checks that raise a GoldError naming the file and the field path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, field: str, reason: str) -> GoldError:
        return GoldError(str(self.path), f"{field}: {reason}" if field else reason)

    def field(
        self, obj: dict[str, Any], key: str, types: tuple[type, ...], *, where: str,
        nullable: bool = False,
    ) -> Any:
        if key not in obj:
            raise self.error(where + key, "missing")
        value = obj[key]
        if value is None and nullable:
            return None
        # bool is an int subclass, and true is never a count or an offset
        if not isinstance(value, types) or isinstance(value, bool):
            wanted = " or ".join([t.__name__ for t in types] + (["null"] if nullable else []))
            raise self.error(where + key, f"expected {wanted}, got {json.dumps(value)}")
        return value

    def iso_day(self, obj: dict[str, Any], key: str, *, where: str) -> None:
        value = self.field(obj, key, _STR, where=where, nullable=True)
        if value is not None:
            self._date(value, "day", where + key)

    def event(self, event: dict[str, Any], where: str) -> None:
        self.field(event, "evidence", _STR, where=where)
        event_type = self.field(event, "event_type", _STR, where=where)
        if event_type not in EVENT_TYPES:
            raise self.error(where + "event_type",
                             f"{event_type!r} is not an ACLED event type")
        sub_type = self.field(event, "sub_event_type", _STR, where=where)
        if SUB_EVENT_TYPES.get(sub_type) != event_type:
            known = SUB_EVENT_TYPES.get(sub_type)
            raise self.error(where + "sub_event_type",
                             f"{sub_type!r} is not an ACLED sub-event type" if known is None
                             else f"{sub_type!r} belongs to {known!r}, not {event_type!r}")
        value = self.field(event, "date", _STR, where=where, nullable=True)
        precision = self.field(event, "date_precision", _STR, where=where, nullable=True)
        if (value is None) != (precision is None):
            raise self.error(where + "date_precision", "date and date_precision must both be "
                                                       "set or both be null")
        if precision is not None:
            if precision not in EVENT_PRECISIONS:
                raise self.error(where + "date_precision",
                                 f"{precision!r} is not one of {', '.join(EVENT_PRECISIONS)}")
            self._date(value, precision, where + "date")
        for key in ("location", "admin1", "country", "actor1", "actor2"):
            self.field(event, key, _STR, where=where, nullable=True)
        for key in ("fatalities", "injured"):
            n = self.field(event, key, _INT, where=where, nullable=True)
            if n is not None and n < 0:
                raise self.error(where + key, "must not be negative")
        if "geo_precision" in event:
            geo = self.field(event, "geo_precision", _INT, where=where, nullable=True)
            if geo not in GEO_PRECISIONS:
                raise self.error(where + "geo_precision", f"{geo} is not 1, 2, 3 or null")
            if (geo is None) != (event["location"] is None):
                raise self.error(where + "geo_precision",
                                 "geo_precision and location must both be set or both be null")

    def quote(self, quote: dict[str, Any], where: str) -> None:
        if not self.field(quote, "text", _STR, where=where):
            raise self.error(where + "text", "must not be empty")
        self.field(quote, "speaker", _STR, where=where, nullable=True)
        if "span" in quote:
            span = self.field(quote, "span", _LIST, where=where)
            if not (len(span) == 2 and all(type(x) is int for x in span)
                    and 0 <= span[0] < span[1]):
                raise self.error(where + "span", f"expected [start, end) offsets, got {span}")

    def citation(self, citation: dict[str, Any], where: str) -> None:
        self.field(citation, "outlet", _STR, where=where)
        self.field(citation, "title", _STR, where=where, nullable=True)
        self.field(citation, "evidence", _STR, where=where)
        value = self.field(citation, "date", _STR, where=where, nullable=True)
        if value is not None:
            self._date(value, precision_of(value), where + "date")

    def _date(self, value: str, precision: str, field: str) -> None:
        padding = {"year": "-01-01", "month": "-01"}.get(precision, "")
        if not (_DATE_SHAPES[precision].fullmatch(value) and _is_iso_day(value + padding)):
            shape = {"year": "YYYY", "month": "YYYY-MM"}.get(precision, "YYYY-MM-DD")
            raise self.error(field, f"{value!r} is not a {precision} date ({shape})")


def _is_iso_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
