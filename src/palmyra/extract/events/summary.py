"""Lead sentences that sum up a report's events instead of telling one of them.

A wire lead often totals what its body then tells one by one: "Russian attacks killed at
least nine civilians in eight Ukrainian regions over the past day", "IS jihadists and Iraqi
forces fought on several fronts this week", "Fighting flared on several fronts across
Yemen". Such a sentence is no event of its own (GUIDE: a total summing events told
elsewhere is not coded); read as one, it lands on the dateline's city or the country and
costs a false alarm besides the events below it.
"""

from __future__ import annotations

from spacy.tokens import Token

# Plural nouns for the fronts or provinces a summary spreads its events over. Not towns or
# villages: "seized several villages", "the evacuation of the four towns" tell one event.
SPREAD_NOUNS = frozenset({"front", "frontline", "region", "province", "governorate", "oblast",
                          "state"})
# Words that make such a noun several places: "several fronts", "eight regions".
SPREAD_QUANTIFIERS = frozenset({"several", "many", "multiple", "various", "numerous", "some",
                                "different"})


def spread_over_places(clause: list[Token], heads: set[int], one_day: bool) -> bool:
    """Whether the trigger spreads what it tells over several places or fronts, or, over
    more than ``one_day``, across a whole country ("killed across Syria since the
    resolution": a tally; "warplanes struck sites across Yemen on Tuesday" is one strike
    the text places no finer). ``heads``: the trigger and the verb it hangs on, which the
    words must qualify themselves ("stormed the parliament in Tobruk ... as crowds rallied
    in several cities" tells one event in Tobruk)."""
    return any((_spread(t) or (not one_day and _across_country(t))) and _qualifies(t, heads)
               for t in clause)


def _across_country(t: Token) -> bool:
    """ "across Syria", "across the country"."""
    if t.lower_ != "across":
        return False
    return any(c.dep_ == "pobj" and (c.lower_ == "country" or c.ent_type_ == "GPE")
               for c in t.children)


def _qualifies(t: Token, heads: set[int]) -> bool:
    """The first verb above ``t`` is one of ``heads`` or a verb joined to one ("killed nine
    and injured 34 in eight regions"), or ``t`` hangs on one without a verb between."""
    u = t
    while u.head.i != u.i:
        u = u.head
        if u.i in heads:
            return True
        if u.pos_ in ("VERB", "AUX"):
            while u.dep_ == "conj" and u.head.i != u.i:
                u = u.head
                if u.i in heads:
                    return True
            return False
    return False


def _spread(t: Token) -> bool:
    if t.tag_ != "NNS" or t.lemma_.lower() not in SPREAD_NOUNS:
        return False
    for c in t.children:
        if c.lower_ in SPREAD_QUANTIFIERS:
            return True
        if c.dep_ == "nummod" and c.like_num and _several(c):
            return True
    return False


def _several(number: Token) -> bool:
    """A cardinal above one, written in figures or words ("8", "eight")."""
    text = number.lower_.replace(",", "")
    if text.isdigit():
        return int(text) > 1
    return text not in ("one", "a", "single")
