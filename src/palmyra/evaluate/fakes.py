"""Agreement with the crowd-extracted event fields of FA-KES, for its articles in the store.

FA-KES (shared/data/fakes/SOURCE.md) gives, per article, one event: governorate,
date, actor (seven values) and casualty counts. Palmyra finds many events per
article, so each article is reduced to its *main event*:

1. events reported as having happened (modality asserted or attributed, or none:
   FA-KES figures are nearly always attributed to a monitor or a ministry);
2. with a place in Syria (``country`` is Syria), or with no place at all but the death
   toll the headline gives: the article's own event, which the extractor failed to place
   (its place is then scored wrong, not taken from another event);
3. the first in text order (first evidence span) of those that rank highest by, in
   turn: carrying a death toll the headline gives ("Air strikes kill 22 ..." : the
   article is about that event); being placed; being news, i.e. dated to the day or
   week within two days of the publication date (an article's back story, "in August 2013",
   "last year", is not what it reports); having fatalities; having a governorate
   (a village or district resolved to its province rather than "Syria" or an
   unplaced name). Without a title or a publication date those criteria are
   skipped.

Conventions:

- A stored document is a FA-KES article when one of its sources is ``NAME#ID``
  and ``ID`` is a ``unit_id`` of the FA-KES file given (the ten-digit ids do not
  collide with other files' row ids), so the Zenodo copy scores against fakes.csv.
- A ``unit_id`` can have several rows with different values, and one text can
  carry several ``unit_id``: a prediction is right when it agrees with any row.
- place: the event's admin1 (else its location name) names the row's governorate,
  spellings compared as in ``places``. FA-KES has no Rif Dimashq: its "damascus"
  covers the countryside too, so it accepts Damascus or Rif Dimashq.
- date: a day- or week-precision date within one day of the row's date; a coarser
  date cannot be checked to the day and counts as wrong, as does none.
- actor: actor1 mapped onto FA-KES's seven values (``ACTOR_PATTERNS``); no actor1
  is "unknown"; a state of the coalition against IS (Turkey, Jordan ...) is the
  coalition's forces, and an actor outside the seven sides (Israel's forces, al-Qaeda
  abroad) is "unknown", the value the crowd's seven-way form leaves for it.
- casualties: fatalities (none = 0, as FA-KES writes 0 for "none given") against
  nb_civilians + nb_noncivilians, exactly and within 10%.
- cause: the means of killing the event's ACLED sub-type names (``WEAPON_CAUSES``:
  air strikes and shelling are the crowd's "shelling", bombs "explosion", a chemical
  weapon "chemical and toxic gases"), unless its evidence names a chemical agent;
  for a sub-type that names no weapon (an attack, a clash, looting) the means its
  evidence names (``MEANS``, the first found: a chemical agent, an execution,
  shells / rockets / air strikes, a bomb or blast, gunfire); where the evidence names
  none, the means the headline names ("Rebel shelling kills four"): the clause that
  tells the event is often trimmed to its verb and place, while the article's event is
  the one its headline names the means of; else an attack is "shooting" and anything
  else "unknown", as the crowd records a cause only where the article tells one.

Coverage (articles with a main event / FA-KES articles in the store) is reported
apart from accuracy, which is over the articles with a main event.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from palmyra.errors import InputError
from palmyra.evaluate.match import REPORTED_MODALITIES, Record
from palmyra.evaluate.places import skeleton
from palmyra.evaluate.score import Accuracy, ratio

REQUIRED_COLUMNS = ("unit_id", "date", "location")
SYRIA = frozenset({"syria", "sy", "syrian arab republic"})
DATE_TOLERANCE = timedelta(days=1)
CASUALTY_TOLERANCE = 0.10
METRICS = ("place", "date", "actor", "cause", "fatalities_exact", "fatalities_within_10pct")

# Canonical actor name -> FA-KES actor value; the first pattern found wins, so the
# coalition against IS is tried before IS ("Global Coalition Against Daesh") and the
# jihadist groups before the broad "opposition". The values are sides: the forces that
# fight for the government (Hezbollah, Iran's) are on "syrian government or russian
# troops"; the opposition's political "Syrian National Coalition" is no coalition force.
ACTOR_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # the generic layer's unnamed attackers are the crowd's "unknown" perpetrator
    (re.compile(r"^unidentified armed group\b"), "unknown"),
    (re.compile(r"coalition against|^global coalition|international coalition|-led coalition"),
     "international coalition forces"),
    (re.compile(r"islamic state|\bisis\b|\bisil\b|daesh"), "ISIS"),
    (re.compile(r"nusra|tahrir al-sham|fath al-sham|fateh al-sham"), "al-nusra front"),
    (re.compile(r"syrian democratic forces|\bypg\b|\bypj\b|asayish|self[- ]administration"
                r"|people's protection units|women's protection units|democratic union party"),
     "self administration forces"),
    (re.compile(r"\bof (?:syria|russia|iran)\b|syrian arab army|national defen[cs]e forces"
                r"|hezbollah|\biranian\b"),
     "syrian government or russian troops"),
    # the states of the coalition against IS that fought in Syria
    (re.compile(r"(?<!national )coalition|of the united states|of the united kingdom|of france"
                r"|of (?:turkey|jordan|saudi arabia|the united arab emirates|bahrain|australia"
                r"|canada|belgium|the netherlands|denmark|germany)\b"),
     "international coalition forces"),
    (re.compile(r"opposition|rebel|free syrian army|ahrar al-sham|ja[iy]sh al-islam"
                r"|knights of righteousness|syrian national coalition"),
     "armed opposition groups"),
)
UNKNOWN_ACTOR = "unknown"
# ACLED sub-types that name a weapon -> FA-KES cause_of_death
WEAPON_CAUSES = {
    "Air/drone strike": "shelling",
    "Shelling/artillery/missile attack": "shelling",
    "Remote explosive/landmine/IED": "explosion",
    "Suicide bomb": "explosion",
    "Grenade": "explosion",
    "Chemical weapon": "chemical and toxic gases",
}
CHEMICAL = "chemical and toxic gases"
# other sub-types whose cause is known without the evidence naming a means
DEFAULT_CAUSES = {"Attack": "shooting", "Excessive force against protesters": "shooting"}
# The means of killing an event's evidence names -> FA-KES cause_of_death, tried in turn
MEANS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:chemical|sarin|chlorine|toxic|nerve agent|poison)", re.IGNORECASE),
     CHEMICAL),
    (re.compile(r"\b(?:execut|behead|crucif|slaughter)", re.IGNORECASE), "execution"),
    (re.compile(r"\b(?:shell|mortar|rocket|missile|artillery|air ?strike|air raid|warplane"
                r"|barrel bomb|bombard|jets?\b)", re.IGNORECASE), "shelling"),
    (re.compile(r"\b(?:bomb|explo|blast|suicide|ied\b|landmine|mine\b)", re.IGNORECASE),
     "explosion"),
    (re.compile(r"\b(?:sniper|gunfire|gunmen|shot\b|shooting|opened fire)", re.IGNORECASE),
     "shooting"),
)
NEWS_WINDOW = timedelta(days=2)  # an event this close to the publication date is its news
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen"
          " fourteen fifteen sixteen seventeen eighteen nineteen twenty")
_TENS = "thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {w: n for n, w in enumerate(_UNITS.split(" "))} | {
    w: 10 * n for n, w in enumerate(_TENS.split(" "), start=3)}

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")


@dataclass(frozen=True)
class FakesRow:
    """The crowd's fields of one FA-KES row; ``None`` where the file lacks the column."""

    unit_id: str
    date: date
    location: str
    actor: str | None
    killed: int | None
    cause: str | None = None


def load_fakes(path: Path) -> dict[str, list[FakesRow]]:
    """FA-KES rows grouped by ``unit_id`` (fakes.csv, or the Zenodo FA-KES-Dataset.csv).

    Both files are read as latin-1: fakes.csv is not valid UTF-8, and the fields
    read here are ASCII in either file.

    Raises:
        InputError: the file is missing, lacks a FA-KES column, or has an unreadable
            date or count (the message names the row).
    """
    if not path.is_file():
        raise InputError(str(path), "no such FA-KES file")
    rows: dict[str, list[FakesRow]] = {}
    with path.open(encoding="latin-1", newline="") as fh:
        reader = csv.DictReader(fh)
        absent = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if absent:
            raise InputError(str(path), f"not a FA-KES file: no column {', '.join(absent)}")
        for n, raw in enumerate(reader, start=1):
            row = _row(raw, f"{path}: row {n} (unit_id {raw['unit_id']})")
            rows.setdefault(row.unit_id, []).append(row)
    return rows


def score_fakes(rows: dict[str, list[FakesRow]], records: Iterable[Record]) -> dict[str, Any]:
    """Coverage and per-field agreement of the FA-KES articles among ``records``."""
    articles = with_main_event = 0
    accuracy = {name: Accuracy() for name in METRICS}
    for record in records:
        truth = [row for unit in _unit_ids(record, rows) for row in rows[unit]]
        if not truth:
            continue
        articles += 1
        event = main_event(record["events"], title=record.get("title"),
                           published=record.get("published"))
        if event is None:
            continue
        with_main_event += 1
        for name, right in agreement(event, truth, record.get("title")).items():
            accuracy[name].add(right)
    return {
        "rows": sum(len(r) for r in rows.values()),
        "unit_ids": len(rows),
        "articles": articles,
        "with_main_event": with_main_event,
        "coverage": ratio(with_main_event, articles),
        "accuracy": {name: acc.as_dict() for name, acc in accuracy.items()},
    }


def main_event(events: list[Record], *, title: str | None = None,
               published: str | None = None) -> Record | None:
    """The event an article is about, as FA-KES would record it (see the module notes)."""
    headline = title_numbers(title)
    reported = [
        e for e in sorted(events, key=_text_position)
        if e.get("modality") in REPORTED_MODALITIES and (
            (e.get("country") or "").casefold() in SYRIA
            or (not e.get("country") and 0 < (e.get("fatalities") or 0) in headline))
    ]
    if not reported:
        return None
    day = _published_day(published)

    def rank(e: Record) -> tuple[bool, ...]:
        killed = e.get("fatalities") or 0
        when = _day(e)
        return (
            killed > 0 and killed in headline,
            bool(e.get("country")),
            day is None or (when is not None and abs(when - day) <= NEWS_WINDOW),
            killed > 0,
            bool(e.get("admin1")),
        )

    return max(reported, key=rank)  # max keeps the first of equals: text order


def title_numbers(title: str | None) -> set[int]:
    """The whole numbers a headline gives, in digits or as words up to ninety ("Ten")."""
    found = set()
    for word in re.findall(r"\d[\d,]*|[A-Za-z]+", title or ""):
        digits = word.replace(",", "")
        if digits.isdigit():
            found.add(int(digits))
        elif word.casefold() in NUMBER_WORDS:
            found.add(NUMBER_WORDS[word.casefold()])
    return found


def agreement(event: Record, truth: list[FakesRow], title: str | None = None) -> dict[str, bool]:
    """Which fields of ``event`` agree with any of the rows; fields the file lacks are left out."""
    day = _day(event)
    result = {
        "place": any(same_governorate(event.get("admin1") or event.get("location"), r.location)
                     for r in truth),
        "date": day is not None and any(abs(day - r.date) <= DATE_TOLERANCE for r in truth),
    }
    actors = {r.actor.casefold() for r in truth if r.actor is not None}
    if actors:
        result["actor"] = fakes_actor(event.get("actor1")).casefold() in actors
    causes = {r.cause.casefold() for r in truth if r.cause}
    if causes:
        result["cause"] = fakes_cause(event, title) in causes
    killed = [r.killed for r in truth if r.killed is not None]
    if killed:
        n = event.get("fatalities") or 0
        result["fatalities_exact"] = n in killed
        result["fatalities_within_10pct"] = any(abs(n - k) <= CASUALTY_TOLERANCE * k
                                                for k in killed)
    return result


def same_governorate(name: str | None, fakes_location: str) -> bool:
    """Whether a place name is the FA-KES governorate (lowercase, FA-KES spelling)."""
    if not name:
        return False
    ours, theirs = skeleton(name), skeleton(fakes_location)
    return ours == theirs or (theirs == skeleton("Damascus") and ours == skeleton("Rif Dimashq"))


def fakes_actor(canonical: str | None) -> str:
    """The FA-KES actor value for a canonical actor name ("unknown" when none of the seven
    sides fits: the crowd's form offered no other value for it)."""
    if not canonical:
        return UNKNOWN_ACTOR
    key = canonical.casefold()
    return next((value for pattern, value in ACTOR_PATTERNS if pattern.search(key)), UNKNOWN_ACTOR)


def fakes_cause(event: Record, title: str | None = None) -> str:
    """The FA-KES cause of death an event's evidence names, else its sub-type implies; where
    the evidence names no means, the means ``title`` (the article's headline) names counts
    as told."""
    evidence = event.get("evidence") or ""
    told = next((cause for pattern, cause in MEANS if pattern.search(evidence)), None)
    if told is None and title:
        told = next((cause for pattern, cause in MEANS if pattern.search(title)), None)
    sub_type = event.get("sub_event_type") or ""
    if sub_type in WEAPON_CAUSES:
        return CHEMICAL if told == CHEMICAL else WEAPON_CAUSES[sub_type]
    return told or DEFAULT_CAUSES.get(sub_type, "unknown")


def _unit_ids(record: Record, rows: dict[str, list[FakesRow]]) -> list[str]:
    names = record.get("sources") or [record["doc"]]
    ids = {name.rpartition("#")[2] for name in names if "#" in name}
    return sorted(i for i in ids if i in rows)


def _text_position(event: Record) -> float:
    spans = event.get("spans")
    return spans[0][0] if spans else math.inf


def _day(event: Record) -> date | None:
    if event.get("date_precision") not in ("day", "week") or not event.get("date"):
        return None
    return date.fromisoformat(event["date"][:10])


def _published_day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _row(raw: dict[str, str], where: str) -> FakesRow:
    found = _DATE.fullmatch(raw["date"].strip())
    if not found:
        raise InputError(where, f"date: cannot read {raw['date']!r} as m/d/yy or m/d/yyyy")
    month, day, year = (int(g) for g in found.groups())
    try:
        when = date(year + 2000 if year < 100 else year, month, day)  # FA-KES: 2011-2018
    except ValueError as err:
        raise InputError(where, f"date: {raw['date']!r} is not a calendar date") from err
    killed = None
    if raw.get("nb_civilians") is not None and raw.get("nb_noncivilians") is not None:
        killed = _count(raw, "nb_civilians", where) + _count(raw, "nb_noncivilians", where)
    actor = raw.get("actor")
    if actor and "isis" in actor.casefold():
        actor = "ISIS"  # fakes.csv writes "the organization of the islamic state ... - isis"
    return FakesRow(
        unit_id=raw["unit_id"].strip(),
        date=when,
        location=raw["location"].strip(),
        actor=actor,
        killed=killed,
        cause=(raw.get("cause_of_death") or "").strip() or None,
    )


def _count(raw: dict[str, str], column: str, where: str) -> int:
    value = raw[column].strip()
    if not value.isdigit():
        raise InputError(where, f"{column}: {value!r} is not a count")
    return int(value)
