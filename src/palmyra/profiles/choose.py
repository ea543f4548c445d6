"""``--profile auto``: each article gets the shipped profile of the war its places lie in.

The pipeline tags an article's places first (with every profile's places known),
then hands them here; the chosen profile's actors, descriptors and loaded terms
are the only ones its later stages read, so a Syria actor never appears in a
Yemen article unless the text names it.

1. Weigh the countries: each place mention counts for its gazetteer country,
   ``W_PLACE`` each; a country named as such (``precision == "country"``) counts
   ``W_COUNTRY_NAME`` (a country's name often stands for its government), a name
   that places in several countries share (resolved by ``prior``) or a spelling
   matched fuzzily ``W_AMBIGUOUS`` times as much, and never as the lead; places
   in the title count ``W_TITLE`` more, and the first ``LEAD_PLACES`` towns or
   regions of the body (the dateline, the lead) ``W_LEAD`` more. Capitals earn no
   lead weight: "BEIRUT (Reuters)" and "MOSCOW (Sputnik)" name the bureau that
   filed a Syria story, not where it happened.
2. Score each profile: the weight of the places in its ``countries``.
3. Keep the profiles scoring at least ``MIN_SHARE`` of the heaviest country's
   weight: a passing mention of Sudan does not make an article on Ethiopia a
   Sudan article. None kept: no profile (the generic actor layer still runs).
4. The best score wins; a tie goes to the profile with more place mentions, then
   to the one whose countries the article names first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from palmyra.annotate.countries import code_of
from palmyra.model import Document, Mention, PlaceRef
from palmyra.profiles.load import Profile

AUTO = "auto"
CHOICE_MEMO = "profile_choice"  # the DocContext.memo key the pipeline keeps the choice under
W_PLACE = 1.0
W_COUNTRY_NAME = 0.5
W_AMBIGUOUS = 0.5
W_LEAD = 2.0
W_TITLE = 1.0
LEAD_PLACES = 2
MIN_SHARE = 0.4


@dataclass(frozen=True)
class ProfileChoice:
    """The profile chosen for one article, and the evidence: weights by country and profile."""

    profile: Profile | None
    countries: dict[str, float] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    reason: str = ""

    @property
    def name(self) -> str | None:
        return self.profile.name if self.profile else None


def country_weights(places: Sequence[Mention], document: Document) -> tuple[Counter, Counter]:
    """``(weight, mentions)`` per ISO country code of the article's place mentions; the
    codes come in the order the article first names them."""
    weight: Counter[str] = Counter()
    count: Counter[str] = Counter()
    title = document.title_span
    body_start = document.body.start if document.body else 0
    lead = 0
    for m in sorted(places, key=lambda m: m.span.start):
        ref = m.value
        if not isinstance(ref, PlaceRef) or (code := code_of(ref.country)) is None:
            continue
        w = W_COUNTRY_NAME if ref.precision == "country" else W_PLACE
        # a name several countries share, or a spelling matched fuzzily: weaker evidence
        doubtful = m.rule.endswith(":prior") or m.rule.startswith("fuzzy")
        if doubtful:
            w *= W_AMBIGUOUS
        if title is not None and title.start <= m.span.start < title.end:
            w += W_TITLE
        elif m.span.start >= body_start and lead < LEAD_PLACES and _local(ref) and not doubtful:
            lead += 1
            w += W_LEAD
        weight[code] += w
        count[code] += 1
    return weight, count


def _local(ref: PlaceRef) -> bool:
    """A town or region, not a country or a capital: what a lead names where events are."""
    return ref.precision != "country" and ref.feature_code != "PPLC"


def choose_profile(
    profiles: Sequence[Profile], places: Sequence[Mention], document: Document
) -> ProfileChoice:
    """The profile whose countries the article's places lie in (steps in the module docstring)."""
    weight, count = country_weights(places, document)
    if not weight:
        return ProfileChoice(None, reason="the article names no place with a country")
    top_code, top = weight.most_common(1)[0]
    scores = {p.name: sum(weight[c] for c in p.countries) for p in profiles}
    mentions = {p.name: sum(count[c] for c in p.countries) for p in profiles}
    kept = [p for p in profiles if scores[p.name] > 0 and scores[p.name] >= MIN_SHARE * top]
    countries = {c: round(w, 2) for c, w in weight.most_common()}
    shown = {n: round(s, 2) for n, s in scores.items() if s}
    if not kept:
        return ProfileChoice(
            None, countries, shown,
            f"no profile covers its countries (most weight: {top_code} {top:g})",
        )
    order = {code: i for i, code in enumerate(weight)}  # first named first
    first = {p.name: min((order[c] for c in p.countries if c in order), default=len(order))
             for p in kept}
    best = min(kept, key=lambda p: (-scores[p.name], -mentions[p.name], first[p.name], p.name))
    share = scores[best.name] / sum(weight.values())
    return ProfileChoice(
        best, countries, shown,
        f"{', '.join(best.countries)} weigh {scores[best.name]:g} ({share:.0%} of its places)",
    )
