"""Citations in forms the gold dev articles showed wrong (issue 12), each written anew for
these tests: an outlet named after a day given to "media" at large takes that day, an agency
credited in capitals with its dash attached ("REUTERS- "), a lower-case state-media name
that only describes the outlet named before it, "the channel" as the outlet the text called
a channel, and a capitalised outlet word inside a body's name ("the UN World Food
Programme") that is no back-reference."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _citations(text: str, outlet: str | None = None):
    facts = analyze_texts([TextRecord(text, outlet=outlet)])[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


def test_citations_an_outlet_after_local_media_reported_a_day_takes_that_day():
    text = ("Strikes near Salamiyah\n\n20.07.2016 Syrian jets destroyed a convoy near"
            " Salamiyah in Hama province local media reported Wednesday. Dozens of fighters"
            " were killed in the raids SANA news agency reported.\n")
    assert _citations(text, outlet="Sputnik") == [("SANA", "2016-07-20")]


def test_citations_interviews_with_media_on_a_day_date_the_outlets_named_after():
    text = ("Governor speaks after strike\n\nFri 07 Apr 2017 The governor was speaking in a"
            " series of phone interviews with media on Friday. He confirmed deaths at the base"
            " in an interview with Lebanese TV station al-Mayadeen.\n")
    assert [d for _, d in _citations(text, outlet="Al-Ahram")] == ["2017-04-07"]


def test_citations_social_media_gives_no_day_to_an_outlet():
    text = ("Strikes near Salamiyah\n\n20.07.2016 Videos were shared on social media on"
            " Sunday. Dozens of fighters were killed in the raids SANA news agency reported.\n")
    assert _citations(text, outlet="Sputnik") == [("SANA", None)]


def test_citations_an_agency_in_capitals_with_its_dash_attached_is_a_wire_credit():
    text = ("Russia says strike killed commanders\n\nThu Oct 5 2017 Russia says strike killed"
            " commanders. A Russian air strike killed dozens of militants in Idlib province."
            " REUTERS- The group split from al Qaeda last year.\n")
    assert _citations(text, outlet="Al-Alam") == [("Reuters", "2017-10-05")]


def test_citations_state_television_describing_a_named_channel_is_that_channel():
    text = ("Strike in Idlib\n\nThu Oct 5 2017 A Russian air strike hit Idlib province"
            " Russias Rossiya 24 state television channel reported on Thursday.\n")
    assert [o for o, _ in _citations(text, outlet="Al-Alam")] == ["Rossiya 24"]


def test_citations_the_tv_channel_is_the_outlet_called_a_channel_not_the_last_named():
    text = ("Army retakes heights\n\n26.12.2014 The army retook two hills near Qamishli the"
            " Lebanese Al-Manar TV channel reported Friday. REUTERS Murad Sezer Turkish Army"
            " Seizes Insurgent at Border The army advanced after two days of fighting the TV"
            " channel reported.\n")
    assert [o for o, _ in _citations(text, outlet="Sputnik")] == ["Al-Manar"]


def test_citations_a_capitalised_outlet_word_in_a_bodys_name_is_no_back_reference():
    text = ("Ghouta hungry\n\nNov 27 2017 Fighting went on in Eastern Ghouta a Reuters witness"
            " said. Residents are short of food the UN World Food Programme said in a report"
            " this week.\n")
    assert [o for o, _ in _citations(text, outlet="Jordan Times")] == ["Reuters"]
