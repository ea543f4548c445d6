"""Numbers: cardinals and vague quantities with bounds, and what is not a quantity."""

from __future__ import annotations

import pytest

from palmyra.annotate.numbers import find_numbers, number_mentions, parse_count
from palmyra.context import DocContext
from palmyra.model import CleanText, Document, NumberValue


def found(text: str) -> dict[str, NumberValue]:
    """The quantities found, keyed by the words each span slices back to."""
    return {text[s:e]: value for s, e, value in find_numbers(text)}


@pytest.mark.parametrize(
    "text, words, low, high, unit, approximate",
    [
        # exact figures
        ("Some 78,000 civilians were evacuated.", "Some 78,000", 70200, 85800, None, True),
        ("In all 78,000 civilians were evacuated.", "78,000", 78000, 78000, None, False),
        ("And 1,324 fighters surrendered.", "1,324", 1324, 1324, None, False),
        ("The rebels held 50% of the city.", "50%", 50, 50, "%", False),
        ("Pay was cut by 50 percent.", "50 percent", 50, 50, "%", False),
        ("They found twenty bodies.", "twenty", 20, 20, None, False),
        ("They found forty-five bodies.", "forty-five", 45, 45, None, False),
        (
            "They found two hundred and fifty bodies.",
            "two hundred and fifty",
            250,
            250,
            None,
            False,
        ),
        ("Aid reached 1.5 million people.", "1.5 million", 1_500_000, 1_500_000, None, False),
        ("Aid reached 3 million people.", "3 million", 3_000_000, 3_000_000, None, False),
        ("The plant supplies a million people.", "a million", 1_000_000, 1_000_000, None, False),
        ("The plant supplies 3.5m people.", "3.5m", 3_500_000, 3_500_000, None, False),
        ("There are a dozen of them.", "a dozen", 12, 12, None, False),
        ("A 3,000-strong brigade was formed.", "3,000", 3000, 3000, None, False),
        ("One of the soldiers was killed.", "One", 1, 1, None, False),
        # bounds: "over/at least N" keep N as the lower bound, "up to N" as the upper
        ("Over a thousand fighters were killed.", "Over a thousand", 1000, None, None, True),
        ("The blast killed at least 78 people.", "at least 78", 78, None, None, True),
        ("More than a hundred groups signed.", "More than a hundred", 100, None, None, True),
        ("Over 50 people were killed.", "Over 50", 50, None, None, True),
        (
            "The war killed as many as 470,000 people.",
            "as many as 470,000",
            None,
            470_000,
            None,
            True,
        ),
        ("Salaries fell by up to 300 dollars.", "up to 300", None, 300, None, True),
        ("Salaries fell by up to 50 percent.", "up to 50 percent", None, 50, "%", True),
        ("Fewer than 20 remained.", "Fewer than 20", None, 20, None, True),
        ("Sixty or more were detained.", "Sixty or more", 60, None, None, True),
        # approximations: "about N" spans 0.9N-1.1N, "nearly N" 0.9N-N
        ("Nearly 100 were wounded.", "Nearly 100", 90, 100, None, True),
        ("Almost 100 were wounded.", "Almost 100", 90, 100, None, True),
        ("Around 100 were wounded.", "Around 100", 90, 110, None, True),
        ("About 100 were wounded.", "About 100", 90, 110, None, True),
        ("Roughly 300 fled.", "Roughly 300", 270, 330, None, True),
        ("A hundred or so fled.", "A hundred or so", 90, 110, None, True),
        # vague quantities keep their lower bound (gold/SCHEMA.md)
        ("The bombers killed dozens of soldiers.", "dozens", 24, None, None, True),
        ("Scores of people fled.", "Scores", 40, None, None, True),
        ("Hundreds of fighters defected.", "Hundreds", 200, None, None, True),
        ("Thousands more may cross.", "Thousands", 2000, None, None, True),
        ("Tens of thousands marched.", "Tens of thousands", 20_000, None, None, True),
        ("Hundreds of thousands were killed.", "Hundreds of thousands", 200_000, None, None, True),
        ("He merged several groups.", "several", 3, 9, None, True),
        ("He told a few home truths.", "a few", 2, 5, None, True),
        ("Several hundred fighters left.", "Several hundred", 300, 900, None, True),
        # ranges
        ("Between 50 and 60 died.", "Between 50 and 60", 50, 60, None, False),
        ("The toll was 50-60.", "50-60", 50, 60, None, False),
        ("Courses last 30 to 45 days.", "30 to 45", 30, 45, "day", False),
        ("Two or three were hurt.", "Two or three", 2, 3, None, False),
        ("Aid reached 3 to 4 million people.", "3 to 4 million", 3_000_000, 4_000_000, None, False),
        # a time unit after the count says it is a length, not a head count
        ("The ceasefire held for 60 days.", "60", 60, 60, "day", False),
        ("The five-year-old civil war goes on.", "five", 5, 5, "year", False),
        ("They begged for a five-day truce.", "five", 5, 5, "day", False),
    ],
)
def test_numbers_normalises(
    text: str,
    words: str,
    low: float | None,
    high: float | None,
    unit: str | None,
    approximate: bool,
) -> None:
    numbers = found(text)
    assert words in numbers, f"{words!r} not among {list(numbers)}"
    assert numbers[words] == NumberValue(low, high, unit, approximate)


@pytest.mark.parametrize(
    "text",
    [
        "The first round ended in the second week.",
        "Talks resumed in 2016.",
        "On 28 March the town fell.",
        "On March 28 the town fell.",
        "An Oct. 16 meeting was held.",
        "The 23rd Brigade advanced on the 23rd.",
        "The council passed resolution 2254.",
        "The Geneva IV talks opened.",
        "The strike began at 10:12 local time.",
        "Call +44 20 7946 0000 for details.",
        "Su-24 jets struck the town.",
        "I spoke with Monocle 24 on air.",
        "No one was hurt.",
        "They fought one another.",
        "It was a one-sided fight.",
        "Two-thirds of the city was held.",
        "Only the one who stayed survived.",
        "He did not join them into one.",
        "The 2011-2015 war was long.",
        "The report (2017-02-27) was leaked.",
        "Someone left the eleventh-hour offer.",
        "1. The defeat was not final.",
    ],
)
def test_numbers_false_positives(text: str) -> None:
    assert found(text) == {}


def test_numbers_year_like_count_needs_a_modifier() -> None:
    assert found("Over 2000 people fled.")["Over 2000"] == NumberValue(2000, None, None, True)
    assert found("The 2254 people fled.")["2254"] == NumberValue(2254, 2254)


@pytest.mark.parametrize(
    "phrase, value",
    [("twenty-five", 25), ("1,324", 1324), ("a hundred", 100), ("three", 3), ("dozens", None)],
)
def test_numbers_parse_count(phrase: str, value: float | None) -> None:
    assert parse_count(phrase) == value


def test_numbers_mentions_map_through_cleaning_and_drop_pronoun_one(nlp) -> None:
    original = "Advertisement\nThe shelling killed at least 12 people, with whom one can talk.\n"
    kept = [(len("Advertisement\n"), len(original))]
    clean = CleanText.from_segments(original, kept)
    document = Document(id="d1", text=original, sources=[], format="text", clean=clean)
    mentions = number_mentions(nlp(clean.text), DocContext(document=document))
    assert [original[m.span.start : m.span.end] for m in mentions] == ["at least 12"]
    assert mentions[0].value == NumberValue(12, None, None, True)
    assert mentions[0].kind == "number" and mentions[0].rule == "numbers.v1"
