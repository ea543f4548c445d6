"""A deal named with "the" that a word of spurning or breaking governs ("dismissed the
accord", "a breach of the truce") is no new agreement, and a killing told beside it is still
an event (issue 13; sentences written for this test in the style of the wars' wire copy).
"""

from __future__ import annotations

import pytest
from events_fixtures import wars_events as _events


@pytest.mark.parametrize(("war", "body"), [
    ("yemen", "SANAA, Yemen - The rebels, who hold most of the north, dismissed the accord"
     " on Wednesday."),
    ("libya", "TRIPOLI, Libya - Shelling on the Abu Salim district on Monday was the latest"
     " violation of the ceasefire, residents said."),
])
def test_a_spurned_deal_is_no_new_agreement(war: str, body: str) -> None:
    assert "Agreement" not in [k for k, _ in _events(war, body)]


def test_a_killing_beside_a_breached_truce_is_told() -> None:
    body = ("TAIZ, Yemen - A boy was killed by a sniper on Monday in the Al-Jahmaliya"
            " neighbourhood of Taiz city, in a new breach of the UN-brokered truce, a medic"
            " said.")
    kinds = [k for k, _ in _events("yemen", body)]
    assert "Agreement" not in kinds
    assert "Attack" in kinds


def test_a_deal_signed_is_still_an_agreement() -> None:
    body = ("RIYADH - The government and the separatists signed the Riyadh Agreement on"
            " Tuesday, ending months of fighting in Aden.")
    assert "Agreement" in [k for k, _ in _events("yemen", body)]
