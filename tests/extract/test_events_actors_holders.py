"""Event actors: the holder of a place hit or taken is never actor1 (issue 12).

"rebel-held", "opposition-held", "a town held by IS" name who holds the place where an act
fell; on gold train the parse gave such a holder as actor1 of a government advance ("its
forces captured several hilltops overlooking the opposition-held areas"), where gold codes
the state as actor1 and the holder as the side that lost ground. The sentence is
the FA-KES one (apostrophes lost as in the corpus).
"""

from __future__ import annotations

from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)


def test_the_holder_of_the_ground_taken_is_not_who_took_it(extract: Extract) -> None:
    _, events = extract(
        "The fresh aerial assault was accompanied by the regimes advance on the northeastern"
        " outskirts of Aleppo where its forces captured several hilltops overlooking the"
        " opposition-held areas.")
    event = first_event(events, "Government regains territory")
    assert (event.actor1, event.actor2) == ("Military Forces of Syria",
                                            "Opposition Rebels (Syria)")
