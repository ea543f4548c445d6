"""One trigger read at a neighbourhood and at its city keeps both events (issue 18).

"Terrorists fired rocket shells at al-Zahraa and Nile Street neighborhoods": the street is
no gazetteer place, so it is placed at Aleppo, its city. The city event was merged into the
neighbourhood's as "the event told at its city", but it is the list's remainder, which the
gold codes at the city beside each neighbourhood (ACLED: one event per location). A city
named in another sentence, as a lead, still joins the neighbourhood it tells coarsely.
Sentences written for these tests in the SANA wire style of the gold articles.
"""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES

SHELLING = "Shelling/artillery/missile attack"


def _places(text: str, published: str = "2016-08-14") -> list[str]:
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published=published)])[0]
    return sorted(e.place.name for e in facts.events
                  if e.modality in REPORTED_MODALITIES and e.sub_event_type == SHELLING
                  and e.place is not None)


def test_a_street_of_the_list_keeps_its_city_event_beside_the_neighbourhood():
    places = _places("A source at Aleppo Police Command said that terrorists fired rocket"
                     " shells at al-Zahraa and Nile Street neighborhoods in Aleppo city on"
                     " Sunday injuring three civilians.")
    assert "Aleppo" in places, places
    assert len(places) >= 2, places


def test_a_city_lead_in_another_sentence_still_joins_the_neighbourhood():
    places = _places("Three civilians were injured in terrorist rocket attacks on Aleppo on"
                     " Sunday.\n\nA source at Aleppo Police Command said that terrorists fired"
                     " two rocket shells at al-Sulimaniah neighborhood in Aleppo city injuring"
                     " three civilians.")
    assert "Aleppo" not in places, places
