"""Citations a careful analyst codes that need the header or the profile's outlet kinds:
an agency's credit in a republished wire story's date line, state media named by what they
are, and a monitoring group that is a source but not a publication (gold/GUIDE.md)."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _citations(text: str, outlet: str | None = None):
    facts = analyze_texts([TextRecord(text, outlet=outlet)])[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


def test_citations_wire_credit_in_the_dateline_is_dated_by_it():
    text = ("Car bomb kills nine in Azaz: monitor\n\nCar bomb kills nine in Azaz Monitor AFP"
            " Saturday 7 Jan 2017 A car bomb exploded near a courthouse in Azaz, killing nine.\n")
    assert _citations(text, outlet="Al-Ahram") == [("AFP", "2017-01-07")]


def test_citations_a_body_mention_of_the_credited_agency_is_the_same_citation():
    text = ("Car bomb kills nine in Azaz: monitor\n\nCar bomb kills nine in Azaz Monitor AFP"
            " Saturday 7 Jan 2017 A car bomb exploded in Azaz, a doctor told AFP.\n")
    assert _citations(text, outlet="Al-Ahram") == [("AFP", "2017-01-07")]


def test_citations_state_television_named_by_what_it_is():
    text = "Strikes on Douma\n\nSyrian state TV reported that rebels fired mortars on Damascus.\n"
    assert [o for o, _ in _citations(text)] == ["Syrian state television"]


def test_citations_a_monitoring_group_is_not_a_publication():
    text = ("Strikes on Douma\n\nAir strikes killed 12 people in Douma, the Syrian Observatory for"
            " Human Rights said.\n")
    assert _citations(text) == []


def test_citations_a_source_line_after_the_story_credits_its_agency():
    text = ("Air raids kill 14 near Raqqa\n\nPublished 17 November 2017. Russian air strikes killed"
            " at least 14 civilians near Raqqa, the monitor said. Source AFP Related News Suicide"
            " car bomb kills eight in Idlib\n")
    assert _citations(text, outlet="TRT") == [("AFP", "2017-11-17")]


def test_citations_a_bracketed_source_line_credits_each_outlet_it_lists():
    text = ("Strikes disrupt ambulances in rural Aleppo\n\nPrint this page Tuesday 19 July 2016"
            " 16:45 Russian strikes hit the last ambulance centre in rural Aleppo. (Source: Syrian"
            " Coalition + Smart News) Twitter\n")
    assert _citations(text, outlet="Etilaf") == [("Smart News Agency", "2016-07-19")]
    text = ("Aid cut off in Aleppo\n\nRegime troops seized the last access route into eastern"
            " Aleppo in July. (With Reuters) Last Update: Tuesday 22 November 2016\n")
    assert [o for o, _ in _citations(text, outlet="Al Arabiya")] == ["Reuters"]


def test_citations_a_source_line_under_a_photo_caption_is_a_photo_credit():
    text = ("Fighting near Azaz\n\nAn opposition fighter fires his weapon near Azaz city, northern"
            " Aleppo countryside, Syria October 11 2016. Source Reuters (TRT World and Agencies)"
            " Daesh has regularly targeted opposition forces near Azaz.\n")
    assert _citations(text, outlet="TRT") == []


def test_citations_a_sentence_opening_with_with_credits_no_one():
    text = ("Talks in Geneva\n\nThe envoy met both delegations on Monday. With Reuters reporters"
            " barred from the room, few details emerged.\n")
    assert _citations(text) == []
