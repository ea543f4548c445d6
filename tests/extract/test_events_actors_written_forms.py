"""Event actors where the text writes a side in a form the parse or the names missed.

Sentences from the gold dev and train articles (FA-KES train rows), trimmed: a possessive
whose apostrophe FA-KES lost ("ISILs positions", "the armys air force", "Syrias regime");
the Idlib alliance by its English name ("the Army of Conquest", gold/GUIDE.md: Jaish
al-Fatah); a place that "came under" a bombardment (the subject was hit, the noun's "of"
phrase struck); the holder of a town bombed ("held by the Islamic State group") is not
what was hit; a bomb set off by "terrorists" no group is named for (gold/GUIDE.md: an
Unidentified Armed Group), where shelling by them keeps the armed opposition.
"""

from __future__ import annotations

import pytest
from events_fixtures import syria_pipeline_fixture  # noqa: F401  (found by name)

from palmyra.ingest import RawRecord, build_document
from palmyra.model import REPORTED_MODALITIES, Event, SourceRef
from palmyra.pipeline import Pipeline


def _events(pipeline: Pipeline, body: str) -> list[Event]:
    doc = build_document(RawRecord(SourceRef("t"), f"Report\n\n{body}\n", "text",
                                   published_hint="2016-03-28"), pipeline.outlets)
    facts, errors = pipeline.process([doc])
    assert not errors
    return [e for e in facts[0].events if e.modality in REPORTED_MODALITIES]


# (body, sub_event_type, actor1, actor2)
CASES = [
    ("ISILs sites and military vehicles loaded with ammunition were targeted by the Syrian"
     " army aircraft in al-Shaer and Jazal oilfields and near the town of Khneifes.",
     "Air/drone strike", "Military Forces of Syria", "Islamic State"),
    ("In Homs province the armys air force launched airstrikes on ISIL positions near"
     " Palmyra.",
     "Air/drone strike", "Military Forces of Syria", "Islamic State"),
    ("The \"Army of Conquest\" an opposition coalition that includes Al-Qaedas Syria"
     " affiliate Al-Nusra Front began its assault on Fuaa and Kafraya on Wednesday.",
     "Shelling/artillery/missile attack", "Jaish al-Fatah", None),
    ("The ISIL strongholds near the villages of al-Murayeh South of Euphrates River and"
     " al-Jafreh came under the bombardments of the Syrian armys aircrafts.",
     "Air/drone strike", "Military Forces of Syria", "Islamic State"),
    ("Syrias regime killed at least 28 people mostly civilians on Saturday when its"
     " warplanes dropped massive makeshift bombs on a town held by the Islamic State group a"
     " monitor said.",
     "Air/drone strike", "Military Forces of Syria", None),
    ("A source at Hasaka Police Command told SANA reporter that terrorists on Sunday morning"
     " remotely detonated a motorcycle that was parked in al-Mshairfeh residential"
     " neighborhood in Hasaka city injuring three citizens including a woman.",
     "Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Civilians (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_actor_written_in_a_missed_form(
    syria: Pipeline, body: str, subtype: str, actor1: str, actor2: str | None
) -> None:
    found = [(e.actor1, e.actor2) for e in _events(syria, body) if e.sub_event_type == subtype]
    assert found, [(e.sub_event_type, e.actor1, e.actor2) for e in _events(syria, body)]
    assert found[0] == (actor1, actor2)


def test_a_terrorist_rocket_attack_is_the_group_the_article_names_terrorists(
    syria: Pipeline,
) -> None:
    """The adjective before rocket fire takes the one group the article's "terrorists"
    name ("ISILs terrorists fired 6 rocket shells"), so both tellings are one event."""
    events = _events(syria, (
        "Two Syrians were killed and 5 others were injured due to a terrorist rocket attack on"
        " al-Qosour and al-Jora residential neighborhoods in Deir Ezzor city. A source in the"
        " province told SANA reporter that ISILs terrorists fired 6 rocket shells on al-Qosour"
        " and al-Joura neighborhoods in Deir Ezzor city."))
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and {e.actor1 for e in shelling} == {"Islamic State"}


def test_terrorists_shelling_keeps_the_armed_opposition(syria: Pipeline) -> None:
    """Only a bomb no one is named for is unidentified: rockets fired by "terrorists" in a
    state outlet stay the armed opposition (gold/GUIDE.md's default)."""
    events = _events(syria, (
        "Ten civilians have been killed and around 40 injured after terrorists fired rocket"
        " shells on residential neighborhoods in Daraa City SANA news agency reports."))
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].actor1 == "Opposition Rebels (Syria)"
