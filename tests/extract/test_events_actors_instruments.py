"""Actors of a weapon named as an instrument, and of fighters named by no group as a target.

Sentences from the gold train and dev articles (FA-KES train rows), trimmed: "terrorists
targeted X with rocket shells" — the weapon serves the verb, whose subject fired it (the
weapon's own frame, "shells hit X", would make the place its subject); "terrorist attacks
with shells" — the descriptor before the attack names the side that fired; "warplanes hit
militants positions" — fighters the text names by no group are the enemy the striking side
fights (gold/GUIDE.md: "terrorists" in a state outlet, the armed opposition by default).
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_pipeline_fixture,
    syria_with_gazetteer_fixture,
)

from palmyra.ingest import RawRecord, build_document
from palmyra.model import SourceRef
from palmyra.pipeline import Pipeline

# (body, sub_event_type, actor1, actor2); "any": the slot is not what the case checks
CASES = [
    ("A source at Aleppo Police Command told SANA reporter that terrorists targeted"
     " al-Sulaymaniyah neighborhood with rocket shells killing three persons and injuring 9"
     " others some critically.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "any"),
    ("Three civilians were killed and 12 others were injured on Saturday in terrorist attacks"
     " with shells and explosive bullets on Aleppo residential neighborhoods.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "Civilians (Syria)"),
    ("Syrian army warplanes hit militants positions in the northwestern province of Idlib on"
     " Monday.",
     "Air/drone strike", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    ("Syria army had responded with air strikes on terrorists position in the Eastern Ghouta"
     " district on Monday.",
     "Air/drone strike", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    # positions no fighters are named for: no owner guessed
    ("Syrian army warplanes hit positions in the northwestern province of Idlib on Monday.",
     "Air/drone strike", "Military Forces of Syria", None),
    # "clashed with": the battle's other side, not a weapon
    ("Government forces clashed with rebels in Daraa on Monday.",
     "Armed clash", "Military Forces of Syria", "Opposition Rebels (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_instrument_and_target_actors(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    event = first_event(events, subtype)
    assert event.actor1 == actor1
    if actor2 != "any":
        assert event.actor2 == actor2


# Shells told with no one firing them, in an article whose other shelling names one side
# only (SANA's Aleppo and Damascus reports; the gold codes the side the article names)
ONE_SIDE = (
    "A source at Damascus Police Command told SANA that terrorists targeted al-Abbasiyeen"
    " neighborhood with rocket shells on Friday, killing two civilians. The source added that"
    " other shells hit the neighborhoods of al-Mazzeh and Rukn Eddin on Friday, causing"
    " material damage to properties.")
# the bare shells come before either side's firing: nothing told just before speaks for them
TWO_SIDES = (
    "Shells hit the neighborhoods of al-Mazzeh and Rukn Eddin on Friday, killing two"
    " civilians. Syrian army artillery shelled rebel positions in Jobar on Friday, and rebels"
    " fired rockets at Douma.")
# two sides firing, the bare shells told right after one of them (gold train, SANA's
# Damascus reports: "... were also shelled by terrorist organizations. One of the shells
# landed on the roof of one of the houses", "terrorists of the so called Jaish al-Islam
# fired three shells ... another mortar shell fell in the vicinity of Damascus Sheraton")
LISTED_AFTER = (
    "Syrian army artillery shelled rebel positions in Jobar on Friday. Terrorists of the so"
    " called Jaish al-Islam fired three shells on al-Zablatani residential area on Friday,"
    " killing one civilian. The source added that other shells hit the neighborhoods of"
    " al-Mazzeh and Rukn Eddin, causing material damage.")
SHELLING = "Shelling/artillery/missile attack"


def shelling_actors(pipeline: Pipeline, text: str) -> list[str | None]:
    """actor1 of each shelling event the whole pipeline finds in a one-paragraph report."""
    doc = build_document(RawRecord(SourceRef("t"), f"Report\n\n{text}\n", "text",
                                   published_hint="2016-11-19"), pipeline.outlets)
    facts, errors = pipeline.process([doc])
    assert not errors
    return [e.actor1 for e in facts[0].events if e.sub_event_type == SHELLING]


def test_unattributed_shells_take_the_one_side_firing(syria: Pipeline) -> None:
    actors = shelling_actors(syria, ONE_SIDE)
    assert len(actors) > 1
    assert set(actors) == {"Opposition Rebels (Syria)"}


def test_unattributed_shells_stay_unnamed_between_two_sides(syria: Pipeline) -> None:
    actors = set(shelling_actors(syria, TWO_SIDES))
    assert None in actors
    assert {"Military Forces of Syria", "Opposition Rebels (Syria)"} <= actors


def test_unattributed_shells_take_the_firing_told_just_before(syria: Pipeline) -> None:
    actors = shelling_actors(syria, LISTED_AFTER)
    assert actors[0] == "Military Forces of Syria"
    assert actors[-1] == "Jaysh al-Islam"
    assert None not in actors


# A clash told with neither side, in an article whose other battles name one pair only
# (gold dev and train: "Clashes in Zabadani raged on Thursday", "heavy clashes" around
# Ain al-Arab; the gold codes the article's pair)
ONE_PAIR = (
    "Syrian troops clashed with rebels in Daraa on Monday, the Observatory said. Clashes in"
    " Zabadani raged on Thursday according to the observatory.")
TWO_PAIRS = (
    "Syrian troops clashed with rebels in Daraa on Monday, and Kurdish YPG fighters clashed"
    " with Islamic State militants in Hasakah on Monday. Clashes in Zabadani raged on Thursday"
    " according to the observatory.")
CLASH = "Armed clash"


def clash_pairs(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    doc = build_document(RawRecord(SourceRef("t"), f"Report\n\n{text}\n", "text",
                                   published_hint="2016-11-19"), pipeline.outlets)
    facts, errors = pipeline.process([doc])
    assert not errors
    return [(e.actor1, e.actor2) for e in facts[0].events if e.sub_event_type == CLASH]


def test_sideless_clash_takes_the_article_pair(syria: Pipeline) -> None:
    pairs = clash_pairs(syria, ONE_PAIR)
    assert len(pairs) == 2
    assert set(pairs) == {("Military Forces of Syria", "Opposition Rebels (Syria)")}


def test_sideless_clash_stays_empty_between_two_pairs(syria: Pipeline) -> None:
    assert (None, None) in clash_pairs(syria, TWO_PAIRS)
