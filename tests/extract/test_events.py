"""Event extractor: invented sentences per pattern -> the event a careful coder would code."""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    syria_with_gazetteer_fixture,
)

from palmyra import parts
from palmyra.extract.events.lexicon import lexicon
from palmyra.extract.events.typing import ASSAULT
from palmyra.model import Document, Event

EXPORTED = ("asserted", "attributed")


def _exported(events: list[Event]) -> list[Event]:
    return [e for e in events if e.modality in EXPORTED]


def _only(events: list[Event]) -> Event:
    found = _exported(events)
    assert len(found) == 1, [(e.sub_event_type, e.place and e.place.name) for e in found]
    return found[0]


def _evidence(doc: Document, event: Event) -> list[str]:
    return [doc.text[s.start : s.end] for s in event.evidence]


# (body, sub_event_type, place, date, actor1, actor2)
TYPED = [
    ("Syrian government forces retook the town of Palmyra from Islamic State fighters on Sunday.",
     "Government regains territory", "Palmyra", "2016-03-27", "Military Forces of Syria",
     "Islamic State"),
    ("Islamic State fighters seized the town of al-Bab on Friday.",
     "Non-state actor overtakes territory", "al-Bab", "2016-03-25", "Islamic State", None),
    ("Russian warplanes bombed the town of Saraqib on Saturday.",
     "Air/drone strike", "Saraqib", "2016-03-26", "Military Forces of Russia", None),
    ("Government artillery shelled the town of Douma on Wednesday.",
     "Shelling/artillery/missile attack", "Douma", "2016-03-23", None, None),
    ("A car bomb exploded near a market in Homs on Thursday.",
     "Remote explosive/landmine/IED", "Homs", "2016-03-24", None, None),
    ("A suicide bomber blew himself up at a checkpoint in Jableh on Tuesday.",
     "Suicide bomb", "Jableh", "2016-03-22", None, None),
    ("On Sunday, government and opposition delegates agreed to a ceasefire at talks in Geneva.",
     "Agreement", "Geneva", "2016-03-27", None, None),
    ("Gunmen kidnapped two aid workers in Idlib on Saturday.",
     "Abduction/forced disappearance", "Idlib", "2016-03-26", None, None),
]


@pytest.mark.parametrize(("body", "subtype", "place", "day", "actor1", "actor2"), TYPED)
def test_events_type_place_date_actors(
    extract: Extract, body: str, subtype: str, place: str, day: str,
    actor1: str | None, actor2: str | None,
) -> None:
    doc, events = extract(body)
    event = _only(events)
    assert (event.sub_event_type, event.place and event.place.name) == (subtype, place)
    assert event.date is not None and event.date.value == day
    if actor1:
        assert event.actor1 == actor1
    if actor2:
        assert event.actor2 == actor2
    assert _evidence(doc, event)[0] in body


def test_events_one_event_per_listed_place(extract: Extract) -> None:
    doc, events = extract("On Sunday, US aircraft conducted air strikes against Raqqa and Manbij,"
                          " and against Mosul in Iraq.")
    found = _exported(events)
    assert sorted(e.place.name for e in found if e.place) == ["Manbij", "Mosul", "Raqqa"]
    assert {e.sub_event_type for e in found} == {"Air/drone strike"}
    assert {e.actor1 for e in found} == {"Military Forces of the United States"}


@pytest.mark.parametrize(
    ("body", "key", "low"),
    [
        ("Russian warplanes struck Saraqib on Saturday, killing at least 12 civilians.",
         "killed", 12),
        ("A car bomb exploded in Homs on Thursday, killing five people and wounding 20.",
         "injured", 20),
        ("On Monday, over a thousand fighters were killed or injured in clashes near Palmyra.",
         "killed_or_injured", 1000),
        ("On Friday, 5,000 civilians were evacuated from Aleppo.", "evacuated", 5000),
        ("On Friday, 300 militants surrendered to the army in Homs after clashes.",
         "surrendered", 300),
        # FA-KES leads: the lives claimed, a toll that rose, a vague second figure
        ("An explosion in the western Syrian city of Homs has claimed the lives of at least"
         " 40 people on Thursday.", "killed", 40),
        ("Shells landed in Manyan market in Aleppo on Monday claiming two lives.", "killed", 2),
        ("At least 17 people were killed and many more injured on Monday by suicide bombings"
         " in Damascus.", "killed", 17),
        ("Jet strikes hit Idlib on Saturday killing more than 40 people and wounding dozens.",
         "killed", 40),
        ("An air strike hit Douma on Sunday. The death toll from the strike has risen to 86.",
         "killed", 86),
        # complementary figures under one cue are added (gold/GUIDE.md, Numbers)
        ("Clashes in Aleppo killed 13 soldiers and 7 militants on Sunday.", "killed", 20),
        ("Air strikes killed 22 people including 8 children in Idlib on Sunday.", "killed", 22),
        # a capitalised number word opening the sentence, parsed as a compound of its noun
        ("Thirty civilians were killed on Saturday in intensive Syrian air strikes on Douma.",
         "killed", 30),
    ],
)
def test_events_counts(extract: Extract, body: str, key: str, low: float) -> None:
    _, events = extract(body)
    event = _only(events)
    assert key in event.counts and event.counts[key].low == low
    if key == "killed_or_injured":
        assert "killed" not in event.counts  # an undivided total is never a death toll


@pytest.mark.parametrize(
    ("body", "modality"),
    [
        ("The army will launch an offensive on Raqqa next week.", "planned"),
        ("The army is preparing assaults against Raqqa.", "planned"),
        ("If the talks fail, rebels could attack the town of Idlib on Sunday.", "hypothetical"),
        ("Rebels did not capture the town of Maarat al-Numan on Sunday.", "denied"),
        ("The ministry said that rebels shelled Aleppo on Saturday.", "attributed"),
    ],
)
def test_events_modality(extract: Extract, body: str, modality: str) -> None:
    _, events = extract(body)
    assert events and {e.modality for e in events} == {modality}


@pytest.mark.parametrize(
    "body",
    [
        "The US military continues to pound Raqqa with air strikes.",
        "The war has killed more than 250,000 people since 2011.",
        "Rebels are engaged in fighting near Raqqa.",
        "(Rebels capture Idlib, Reuters, 27 February 2016)",
    ],
)
def test_events_generic_statements_and_references_are_not_events(
    extract: Extract, body: str
) -> None:
    _, events = extract(body)
    assert _exported(events) == []


def test_events_tellings_of_one_occurrence_merge(extract: Extract) -> None:
    doc, events = extract("Syrian troops recaptured Palmyra on Sunday. The recapture of Palmyra"
                          " ended ten months of Islamic State rule.")
    event = _only(events)
    texts = _evidence(doc, event)
    assert len(texts) == 2
    assert texts[0].startswith("Syrian troops recaptured Palmyra")


def test_events_a_lead_placed_in_the_country_is_completed_by_the_next_telling(
    extract: Extract,
) -> None:
    _, events = extract("Seventeen civilians were killed in air strikes on a market in eastern"
                        " Syria on Monday, the Observatory said. It said the strikes on a market"
                        " in Deir Ezzor province were carried out by Russian planes.")
    event = _only(events)
    assert event.place is not None and event.place.admin1 == "Deir ez-Zor"
    assert event.counts["killed"].low == 17


def test_events_a_placeless_lead_takes_the_place_its_retelling_names_in_its_sentence(
    extract: Extract,
) -> None:
    # the retelling ("The attack came as ...") is placed by its sentence, not its clause: the
    # merged event still keeps that place rather than none (GUIDE: the most specific place)
    _, events = extract("A suicide bomber driving an ambulance killed four people on Sunday in an"
                        " attack on a hospital, a monitoring group said. The attack came as the"
                        " monitor reported that troops had shelled a northern village, days after"
                        " rockets hit the outskirts of Jableh.")
    event = next(e for e in _exported(events) if e.sub_event_type == "Suicide bomb")
    assert event.place is not None and event.place.name == "Jableh"
    assert event.counts["killed"].low == 4


def test_events_a_placeless_lead_does_not_take_a_borrowed_place(extract: Extract) -> None:
    # a retelling placed only by the paragraph's last place ("Four people were killed in the
    # attack" after the quote naming the hospital) lends the lead no place of its own
    _, events = extract("A suicide bomber driving an ambulance killed four people on Sunday in an"
                        " attack on a hospital, a monitoring group said. \"A man drove an ambulance"
                        " packed with explosives into the parking of the Jableh hospital. Four"
                        " people were killed in the attack,\" said the group's director.")
    event = next(e for e in _exported(events) if e.sub_event_type == "Suicide bomb")
    assert event.place is None and event.counts["killed"].low == 4


def test_events_the_city_points_back_to_the_last_named_town(extract: Extract) -> None:
    _, events = extract("Rebels withdrew from the city of Homs on Monday.\n\nOn Tuesday, a car bomb"
                        " exploded in the city.")
    places = {(e.sub_event_type, e.place.name if e.place else None) for e in _exported(events)}
    assert ("Remote explosive/landmine/IED", "Homs") in places


def test_events_placeless_toll_joins_the_event_before(extract: Extract) -> None:
    _, events = extract("Rebels shelled Aleppo on Friday. Over 50 people were killed in total.")
    event = _only(events)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.counts["killed"].low == 50


def test_events_toll_in_a_later_paragraph_stays_apart(extract: Extract) -> None:
    _, events = extract(
        "Rebels shelled Aleppo on Friday.\n\nThe war has cost hundreds of thousands of"
        " Syrians who were killed."
    )
    event = _only(events)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert "killed" not in event.counts


def test_events_a_generic_restatement_joins_the_typed_event(extract: Extract) -> None:
    _, events = extract(
        "On Monday, suicide bombers struck the bus station in Tartus, killing 20 people."
        " In Tartus, the hospital was also targeted."
    )
    event = _only(events)
    assert event.sub_event_type == "Suicide bomb"
    assert len(event.evidence) == 2


def test_events_keeping_a_ceasefire_is_not_an_agreement(extract: Extract) -> None:
    _, events = extract(
        "On Monday, more than a hundred groups in Aleppo were already observing the ceasefire,"
        " the ministry said."
    )
    assert [e for e in events if e.sub_event_type == "Agreement"] == []


def test_events_the_wars_back_story_is_not_an_event(extract: Extract) -> None:
    _, events = extract(
        "Rebels shelled Aleppo on Monday. Once a powerhouse, Aleppo has been ravaged by the"
        " war that began with anti-government protests in 2011 and which has since killed"
        " more than 280,000 people."
    )
    event = _only(events)
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_events_undated_without_publication_date_are_kept_undated(extract: Extract) -> None:
    # fields, never gates: no date is invented, and the event is not dropped for want of one
    _, events = extract("Syrian troops recaptured Palmyra.", published=None)
    event = _only(events)
    assert event.sub_event_type == "Government regains territory"
    assert event.date is None


def test_events_date_falls_back_to_publication_week(extract: Extract) -> None:
    _, events = extract("Syrian troops recaptured Palmyra.")
    event = _only(events)
    assert event.date is not None
    assert (event.date.precision, event.date.rule) == ("week", "event:publication")
    assert event.date.start <= "2016-03-28" <= event.date.end


def test_events_evidence_slices_back_to_the_text(extract: Extract) -> None:
    body = ("On 2 March, Syrian troops retook Palmyra, advancing under air cover from Russian"
            " warplanes. Rebels shelled Aleppo on Friday, killing three civilians.")
    doc, events = extract(body)
    assert len(events) >= 3
    for event in events:
        for text in _evidence(doc, event):
            assert text and text in body
        assert event.extractor == "palmyra.events.v1"


def test_events_registered_and_lexicon_consistent() -> None:
    assert parts.extractors.get("palmyra.events.v1").__name__ == "events"
    lex = lexicon()
    families = {e.family for entries in lex.triggers.values() for e in entries}
    # every retype rule names a trigger family, or the assault flag that typing reads as one
    assert set(lex.retypes) <= families | {ASSAULT}
    assert any(ASSAULT in e.flags for entries in lex.triggers.values() for e in entries)
