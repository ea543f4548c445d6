"""Quotations, speakers, reported speech and scare quotes over invented sentences.

Every span is checked by slicing the original text: a quotation's span is the text
inside its marks, as the gold's ``text`` is (gold/SCHEMA.md).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from palmyra import parts
from palmyra.extract.framing import scare_quotes
from palmyra.extract.quotemarks import scan
from palmyra.extract.quotes import quotes
from palmyra.model import Outlet


def direct(doc, ctx) -> list[tuple[str, str | None]]:
    """(quoted text, speaker) of each direct quotation, spans checked against the original."""
    out = []
    for q in quotes(doc, ctx):
        original = ctx.document.text
        assert original[q.span.start : q.span.end] == q.text
        if q.direct:
            out.append((q.text, q.speaker))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X said" after the quotation, and the inverted "said X"
        ("“The road to the north is open,” Omar Haddad said on Monday.",
         [("The road to the north is open,", "Omar Haddad")]),
        ("“We will not leave the city,” said Lena Marsh, a local council member.",
         [("We will not leave the city,", "Lena Marsh")]),
        # apposition: the name, not the role, names the speaker
        ("The UN envoy, Karim Nassar, warned that “the talks cannot wait for another winter.”",
         [("the talks cannot wait for another winter.", "Karim Nassar")]),
        # colon after a cue, and after a clause with no cue at all
        ("Defence minister Omar Haddad explained: “The convoy left at dawn. It arrived at noon.”",
         [("The convoy left at dawn. It arrived at noon.", "Omar Haddad")]),
        ("Lena Marsh was blunt: “Nobody in the camp has eaten for three days.”",
         [("Nobody in the camp has eaten for three days.", "Lena Marsh")]),
        # "according to X"
        ("According to the mayor, Karim Nassar, “the water station was hit twice.”",
         [("the water station was hit twice.", "Karim Nassar")]),
        # a participle borrows the subject of its clause
        ("Omar Haddad visited the camp on Friday, noting that “the shelters will not last.”",
         [("the shelters will not last.", "Omar Haddad")]),
        # a pronoun is the person named last, a short form the full name used earlier
        ("Colonel Omar Haddad toured the front line. “We are holding every position,” he said.",
         [("We are holding every position,", "Omar Haddad")]),
        ("Lena Marsh arrived in Geneva on Monday. “Nothing has been agreed,” Marsh said.",
         [("Nothing has been agreed,", "Lena Marsh")]),
        # a quotation broken by its attribution is two quotations with one speaker
        ("“We will hold the bridge,” Omar Haddad said, “whatever it costs.”",
         [("We will hold the bridge,", "Omar Haddad"), ("whatever it costs.", "Omar Haddad")]),
        # a question and its answer
        ("Lena Marsh met Karim Nassar on Sunday.\n\n“Is the corridor safe?” Marsh asked.\n\n"
         "“No,” Nassar replied.",
         [("Is the corridor safe?", "Lena Marsh"), ("No,", "Karim Nassar")]),
        # a short phrase with an explicit speaker is a quotation (gold 004)
        ("The retreat was not a “turning point”, as claimed by Karim Nassar.",
         [("turning point", "Karim Nassar")]),
        ("The worst moment was the “Victory is ours” shouted by the mayor, Lena Marsh, on Friday.",
         [("Victory is ours", "Lena Marsh")]),
        ("Omar Haddad praised the militia as “the shield of the valley”.",
         [("the shield of the valley", "Omar Haddad")]),
        # straight marks, and a quotation continued by the next sentence
        ('"We are ready," Omar Haddad said. "The trucks are loaded and waiting."',
         [("We are ready,", "Omar Haddad"), ("The trucks are loaded and waiting.", "Omar Haddad")]),
        # unnamed people: a quote without a speaker's name (gold/GUIDE.md)
        ("“We have lost contact with the convoy,” the source, who asked not to be named, said.",
         [("We have lost contact with the convoy,", None)]),
        ("The news agency quoted a military source as saying that troops had “restored order”.",
         [("restored order", None)]),
        ("Omar Haddad arrived. “The strikes will continue,” he was quoted as saying.",
         [("The strikes will continue,", "Omar Haddad")]),
        ("“I saw the planes come,” one farmer told reporters. He added: “Then everyone fell.”",
         [("I saw the planes come,", None), ("Then everyone fell.", None)]),
        # a quotation inside a quotation has its own speaker
        ("Lena Marsh wrote: “The commander told me: ‘Nobody may pass tonight.’ He left.”",
         [("The commander told me: ‘Nobody may pass tonight.’ He left.", "Lena Marsh"),
          ("Nobody may pass tonight.", None)]),
    ],
)
def test_quotes_speakers(read, text, expected):
    doc, ctx = read(text)
    assert direct(doc, ctx) == expected


def test_quotes_multi_paragraph_quotation_is_one(read):
    text = (
        "Omar Haddad told the council:\n\n"
        "“The first convoy reached the town at dawn.\n\n"
        "“The second convoy was turned back at the bridge.”\n\nThe council adjourned."
    )
    doc, ctx = read(text)
    assert direct(doc, ctx) == [
        (
            "The first convoy reached the town at dawn.\n\n“The second convoy was turned "
            "back at the bridge.",
            "Omar Haddad",
        )
    ]


def test_quotes_paragraph_broken_inside_a_quotation(read):
    text = '"We have bases in the north. We have\n\nbases in the south," Karim Nassar said.'
    doc, ctx = read(text)
    assert direct(doc, ctx) == [
        ("We have bases in the north. We have\n\nbases in the south,", "Karim Nassar")
    ]


def test_quotes_outlet_speaker_and_the_paper(read, syria):
    text = (
        "“The militias have begun to fight each other,” the *Los Angeles Times* wrote on "
        "Sunday. The clashes “show how little control the planners have,” the *Times* noted."
    )
    doc, ctx = read(text, syria)
    assert [s for _, s in direct(doc, ctx)] == ["Los Angeles Times", "Los Angeles Times"]


def test_quotes_tiny_profile_outlet(read):
    profile = SimpleNamespace(outlets=[Outlet("Levant Post", aliases=("LP",))])
    doc, ctx = read("“Roads are cut,” LP reported on Tuesday.", profile)
    assert direct(doc, ctx) == [("Roads are cut,", "Levant Post")]


def test_quotes_speaker_from_annotated_mentions(read, syria):
    text = "The defeat is not a “mortal blow” to the rebels, as claimed by the Syrian military."
    doc, ctx = read(text, syria)
    ctx.mentions = parts.annotators.get("palmyra.actors.v1")(doc, ctx)
    assert direct(doc, ctx) == [("mortal blow", "Military Forces of Syria")]


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("The ‘opposition’ walked out of the talks again.", ["opposition"]),
        ("Clashes between “CIA-armed units” and “Pentagon-armed ones” have grown.",
         ["CIA-armed units", "Pentagon-armed ones"]),
        ("Fighters seized the town from the “Knights of Justice” faction.", ["Knights of Justice"]),
        # a modifying clause is not the cue's content (gold 002: the "peace" faction)
        ("“No,” Karim Nassar replied, showing that even the “peace” camp distrusts Moscow.",
         ["peace"]),
        # a thing, not a speaker: "its failure has confirmed"
        ("Its failure has confirmed that there is no such thing as a ‘moderate’ gang.",
         ["moderate"]),
        # what is talked about is not what is said
        ("Asked to comment on the ‘plan B’ option, Lena Marsh smiled.", ["plan B"]),
        # a label, not anyone's words
        ("A crack unit known as ‘Desert Hawks’ took the airport.", ["Desert Hawks"]),
        ("The so-called “Valley Revolution Command Council” said it held the town.",
         ["Valley Revolution Command Council"]),
        ("Sappers cleared the old city, which used to be called “the pearl”.", ["the pearl"]),
    ],
)
def test_quotes_scare_quotes_are_frame_signals(read, text, scare):
    doc, ctx = read(text)
    signals = scare_quotes(doc, ctx)
    assert [text[s.span.start : s.span.end] for s in signals] == scare
    assert all(s.label == "scare_quote" for s in signals)
    assert not [t for t, _ in direct(doc, ctx) if t in scare]


@pytest.mark.parametrize(
    "text",
    [
        "He appeared on CBS “Face the Nation” on Sunday.",  # a programme's name
        "The magazine ran the story under the headline ‘The town that refused to fall’.",
        "(‘Army retakes the old city’, RT, 7 December 2016)",  # a cited title
        "She read “The Long Road Home And Back” twice.",  # a title in title case
    ],
)
def test_quotes_titles_are_neither_quotes_nor_scare_quotes(read, syria, text):
    doc, ctx = read(text, syria)
    assert quotes(doc, ctx) == [] and scare_quotes(doc, ctx) == []


def test_quotes_reported_speech(read):
    text = "Omar Haddad announced on Friday that the convoy had reached the besieged town."
    doc, ctx = read(text)
    (q,) = quotes(doc, ctx)
    assert not q.direct and q.speaker == "Omar Haddad"
    assert text[q.span.start : q.span.end] == "the convoy had reached the besieged town"
    assert text[q.cue_span.start : q.cue_span.end] == "announced"


@pytest.mark.parametrize(
    "text",
    [
        "These attacks suggest that the group is running out of fighters.",  # no speaker
        "Asked whether the army would attack, Omar Haddad smiled.",  # a question put to him
        "Omar Haddad did not say that the road was closed.",  # negated
    ],
)
def test_quotes_no_reported_speech(read, text):
    doc, ctx = read(text)
    assert quotes(doc, ctx) == []


def test_quotes_spans_map_through_removed_markup(read):
    text = "The [b]envoy[/b] Lena Marsh said: “[i]We[/i] will stay.”"
    keep = [(0, 4), (7, 12), (16, 35), (38, 40), (44, len(text))]  # markup tags dropped
    doc, ctx = read(text, keep=keep)
    assert doc.text == "The envoy Lena Marsh said: “We will stay.”"
    (q,) = quotes(doc, ctx)
    assert text[q.span.start : q.span.end] == "[i]We[/i] will stay." == q.text  # inside the marks
    assert text[q.speaker_span.start : q.speaker_span.end] == "Lena Marsh"
    assert text[q.cue_span.start : q.cue_span.end] == "said"


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Trump’s deal is ‘dead’, it’s said.", ["dead"]),  # apostrophes are not marks
        ("“Outer ‘inner’ words.”", ["Outer ‘inner’ words.", "inner"]),
        ("‘Outer “inner” words.’", ["Outer “inner” words.", "inner"]),
        ("He wrote ''typewriter marks'' here.", ["typewriter marks"]),
        ("“One.\n\n“Two.”", ["One.\n\n“Two."]),  # a paragraph reopened
        ("“Stray opening.\n\nA new paragraph.", []),  # never closed: dropped
        ("Mar'a and Deir ez-Zor's fields.", []),
    ],
)
def test_quotemarks_pairs(text, inner):
    assert [text[q.start : q.end] for q in scan(text)] == inner


def test_quotes_are_registered():
    assert parts.extractors.get("palmyra.quotes.v1") is quotes
    assert parts.extractors.get("palmyra.scare_quotes.v1") is scare_quotes



def test_quotes_attribution_after_the_mark_without_a_comma():
    # copy that lost its commas (FA-KES) or a house style that drops them
    from palmyra.api import TextRecord, analyze_texts

    facts = analyze_texts([TextRecord(
        "Strike on airbase\n\nThe governor Talal Barazi spoke by phone. \"We hope there are not"
        " many victims\" he told Reuters by telephone.\n")])[0]
    assert [(q.text, q.speaker) for q in facts.quotes if q.direct] == [
        ("We hope there are not many victims", "Talal Barazi")]
