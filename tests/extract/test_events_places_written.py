"""The location as the text names it (GUIDE: "in its common English spelling").

The gazetteer lists some towns under a shorter or longer form than news outlets write:
"Bosra al-Sham" is listed as "Bosra", "al-Shaer field" as "Shaer gas field". The event
took the listed form, which no spelling rule joins to the gold's (dev: the SANA round-ups
of fakes-1965511137 and fakes-1965511190). A mere spelling of the listed name
("Mayadeen" for Mayadin) keeps the gazetteer's form.
"""

from __future__ import annotations

from events_fixtures import reported_events, syria_pipeline_fixture  # noqa: F401

from palmyra.pipeline import Pipeline

PUBLISHED = "2014-10-01"


def test_a_longer_form_of_a_listed_name_is_kept_as_written(syria: Pipeline) -> None:
    found = reported_events(syria, "Army units targeted gatherings of terrorists in Bosra"
                            " al-Sham on Wednesday killing a number of them.", PUBLISHED)
    assert "Bosra al-Sham" in {p for _, p in found}, found
    assert "Bosra" not in {p for _, p in found}, found


def test_a_spelling_of_a_listed_name_keeps_the_listed_form(syria: Pipeline) -> None:
    found = reported_events(syria, "Army units killed many terrorists in clashes near"
                            " Mayadeen on Wednesday.", PUBLISHED)
    assert "Mayadin" in {p for _, p in found}, found


def test_a_field_is_coded_by_its_name(syria: Pipeline) -> None:
    # "al-Shaer field" (listed as "Shaer gas field"), "the Shaar oilfield" (unlisted): the
    # gold codes the field's name alone (dev fakes-1965511190, train fakes-1926479240)
    found = reported_events(syria, "Meanwhile the Syrian Air Force destroyed ISIL terrorists"
                            " positions in al-Shaer field on Monday.", PUBLISHED)
    assert "al-Shaer" in {p for _, p in found}, found
    found = reported_events(syria, "On Thursday the group seized the Shaar oilfield east of"
                            " the central city of Homs.", PUBLISHED)
    assert "Shaar" in {p for _, p in found}, found


def test_a_facility_noun_after_the_name_keeps_the_listed_name(syria: Pipeline) -> None:
    # "Yarmouk Camp" (listed as "Yarmouk"): the noun is no part of the name (wars dev:
    # "Zamzam camp", "Misrata Air College", "Ain al-Asad" for the listed air base)
    found = reported_events(syria, "Rebels shelled Yarmouk Camp on Monday killing two"
                            " people.", PUBLISHED)
    assert [p for _, p in found] == ["Yarmouk"], found
