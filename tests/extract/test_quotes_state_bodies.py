"""A common noun for a state body speaks for the state named last before it.

"The military said", "a military source", "the defence ministry" are the military,
"the interior ministry" the government (gold/GUIDE.md: a ministry as "Government of
Syria"; an unnamed source inside an organisation speaks for it), of the state the text
named last: as an actor, or by its country or capital. The sentences are written for
the test, in FA-KES's comma-less style. Also: a place glued before a speaker's name
where FA-KES lost the comma ("in Aleppo Ibrahim Abu Leith told") is no part of the name.
"""

from __future__ import annotations

import pytest

from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef
from palmyra.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.create("syria")


def _quotes(pipeline: Pipeline, body: str) -> dict[str, str | None]:
    text = f"Strikes reported\n\nJane Doe\n28 March 2016\n\n{body}\n"
    doc = build_document(RawRecord(SourceRef("/t.txt"), text, "text"), pipeline.outlets)
    (facts,), errors = pipeline.process([doc])
    assert not errors
    for q in facts.quotes:
        assert text[q.span.start : q.span.end] == q.text
    return {q.text: q.speaker for q in facts.quotes}


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        (  # the military of the state whose forces the text named before
            "Syrian troops shelled the town of Jayrud on Friday. In a statement the military"
            ' said the killing of its pilot "will not go unpunished".',
            "will not go unpunished",
            "Military Forces of Syria",
        ),
        (  # a defence ministry is the military; a later bare "the ministry" is the same body
            "Russia said its bombers struck targets near Raqqa. The defence ministry said the"
            " raids destroyed a depot. The ministry said the fighters had suffered"
            ' "heavy losses" in the strikes.',
            "heavy losses",
            "Military Forces of Russia",
        ),
        (  # another ministry is the government; its capital names the state
            "Two bombers blew themselves up near a police station in Damascus killing one"
            ' person the interior ministry said. "The attackers tried to storm the building"'
            " it added.",
            "The attackers tried to storm the building",
            "Government of Syria",
        ),
        (  # an unnamed military source: the forces its own sentence names win over a
           # country named in passing
            "Government forces killed 40 militants of a group banned in Russia in Daraa a"
            ' military source said. "We will continue to target the terrorists" the source'
            " added.",
            "We will continue to target the terrorists",
            "Military Forces of Syria",
        ),
    ],
)
def test_a_state_body_by_a_common_noun_speaks_for_the_state(pipeline, body, quote, speaker):
    assert _quotes(pipeline, body).get(quote) == speaker


def test_a_named_army_is_no_state_body(pipeline):
    """A force's own name ending in a state word ("the Army of Conquest") stays its own:
    the profile's Jaish al-Fatah, not the state."""
    got = _quotes(pipeline, "Rebels of the Army of Conquest took a village near Idlib in"
                  ' Syria. The Army of Conquest said it would "fight on" until victory.')
    assert got.get("fight on") == "Jaish al-Fatah"


def test_no_state_named_leaves_the_noun(pipeline):
    """Without any state named before, "the ministry" is not guessed into one."""
    got = _quotes(pipeline, 'The ministry said the talks had been "useful" on Monday.')
    assert got.get("useful") not in {"Government of Syria", "Military Forces of Syria"}


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        (  # a province's name glued before a person's, the comma lost, and a pronoun later
            "A helicopter struck a funeral in the Bab al-Nairab district in Aleppo Ibrahim Abu"
            ' Leith told Anadolu Agency. "Twenty people were killed in the attack" he said.',
            "Twenty people were killed in the attack",
            "Ibrahim Abu Leith",
        ),
        (  # a short form later goes back to the full name without the place
            "A civil defense official in Idlib Leys el-Faris told Anadolu Agency four civilians"
            ' were killed. "The regime is attacking rural areas" Faris said.',
            "The regime is attacking rural areas",
            "Leys el-Faris",
        ),
    ],
)
def test_a_place_before_a_name_is_not_part_of_it(pipeline, body, quote, speaker):
    """FA-KES lost the comma between a place and the name after it ("in Aleppo Ibrahim Abu
    Leith told"): the speaker is the name without the place."""
    assert _quotes(pipeline, body).get(quote) == speaker


def test_a_name_after_a_preposition_keeps_its_first_name(pipeline):
    """A person's given name that is no province or city stays in the name."""
    got = _quotes(pipeline, "The talks went on with Mohammed Ali Hassan who told reporters"
                  ' the plan was "dead".')
    assert got.get("dead") == "Mohammed Ali Hassan"
