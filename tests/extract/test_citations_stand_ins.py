"""A generic "state media" beside a named state outlet is that outlet's citation
(gold/notes/annotator-L.md 26, annotator-Q.md 17); far from one, or alone, it stays."""

from __future__ import annotations

from palmyra.extract.citations import citations


def outlets_cited(read, profile, text: str, published: str | None = None) -> list[str | None]:
    doc, ctx = read(text, profile, published=published)
    return [c.outlet for c in citations(doc, ctx)]


def test_state_media_beside_sana_is_sanas_citation(read, syria):
    text = ("A car bomb killed at least 34 people on Friday in a village in Hama, state news "
            "agency SANA reported. More than 50 people were wounded. State media said the "
            "bombers were rebels.")
    assert outlets_cited(read, syria, text) == ["SANA"]


def test_state_media_before_state_television_folds_into_it(read, syria):
    text = ("Suicide bombers blew up two vehicles in Hama on Friday, state media reported. "
            "The bombers hit two towns, state television said.")
    assert outlets_cited(read, syria, text) == ["Syrian state television"]


def test_state_media_alone_is_its_own_citation(read, syria):
    text = "Rebels shelled a school in Aleppo on Thursday, Syrian state media said."
    assert outlets_cited(read, syria, text) == ["Syrian state media"]


def test_state_media_far_from_sana_is_a_report_of_its_own(read, syria):
    filler = " ".join(f"Fighting went on in district {n}." for n in range(6))
    text = (f"SANA reported shelling in Homs. {filler} Later state media said the army "
            "had retaken the hill.")
    assert outlets_cited(read, syria, text) == ["SANA", "Syrian state media"]


def test_state_media_beside_a_foreign_agency_stays(read, syria):
    text = "Reuters reported the attack. State media said ten soldiers died."
    assert outlets_cited(read, syria, text) == ["Reuters", "Syrian state media"]


def test_another_countrys_state_media_is_never_folded_into_sana(read, syria):
    text = ("SANA said on Sunday that an airstrike killed five people in Aleppo. Iranian "
            "state media said the strike hit a depot.")
    assert len(outlets_cited(read, syria, text)) == 2
    text = text.replace("Iranian", "Syrian")
    assert outlets_cited(read, syria, text) == ["SANA"]


def test_state_media_in_a_header_credits_no_story(read, syria):
    text = ("Rocket attack kills schoolchildren state media AFP Thursday 27 Oct 2016 At "
            "least three children were killed in a rebel rocket attack on a school in "
            "Aleppo, state news agency SANA said.")
    assert "Syrian state media" not in outlets_cited(read, syria, text, "2016-10-27")
