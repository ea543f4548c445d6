"""One event per occurrence: merging the candidates a document's sentences give.

Sentences that tell the same occurrence (same sub-type, same place, dates that
overlap, actors that do not contradict, same modality class) become one Event
whose first evidence span is the most informative telling. The title only
supports: a title candidate adds its span to a matching body event and is
otherwise dropped. Only attackers contradict (``actors_agree``): the victims of
one strike are "civilians" in the lead and "IS militants" in the monitor's
retelling, a state's government and its army are one side, and a battle's sides
may be told either way round. A reported telling joins one in the other reported
voice ("jets struck X" and "the Observatory said the strikes on X"), and a lead
told without a place takes the place a later telling names.

Fields, never gates: a candidate without a place, or without a date, is still
an event. Only these things remove a body candidate here, each recorded on it
(``decision``, ``reason``) for ``palmyra show --candidates``:

- it retells an event already told (merged into it), unless the text tells it as another
  occurrence ("six more people lost their lives in a village near Manbij"); a placeless
  telling joins the nearest earlier event of its paragraph with the same sub-type, and a telling
  that points back ("these attacks", "condemned the massacre") the nearest one; a
  lead placed only at a country or region ("killed in air strikes on a town in
  eastern Syria") is completed by the next telling of the same sub-type nearby that
  names a place in that country ("the strikes on Al-Shaara in Deir Ezzor
  province"), and the event is placed there (a lead placed at a province takes the
  town a telling names in it: "bombardment on rural Homs" ... "one of the airstrikes
  targeted Al-Ghanto", and a lead placed at a city takes the part of it a telling of its
  sub-type names: "killed in Damascus" ... "The attack occurred in Qaboun"); a definite
  noun with no place of its own ("the strike was
  carried out by Russian jets", "they heard the blast") joins the nearest earlier
  event of its sub-type, whatever place the narrative lent it;
- it is a bare toll ("Over 50 people were killed in total") with no place or
  kind of its own: its counts go to the event told just before it;
- it is a lead toll told without a town ("air strikes killed 42 in Idlib
  province") that the next sentences tell at a town of that area with no larger
  toll ("the raids killed 19 outside Saraqeb"): the lead, or a total of the
  events told after it, joins the first of them, which keeps its town and toll;
- it is a weak trigger ("attack", "targeted") the event-sentence model vetoes
  (``events.model``), with no place of its own in its clause, and it would start an
  event of its own: a weak telling of an event already told still joins it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from palmyra.annotate.countries import state_of
from palmyra.extract.events.dates import is_explicit
from palmyra.extract.events.index import TokenRelative
from palmyra.extract.events.places import COARSE_PRECISIONS
from palmyra.model import (
    VIOLENT_TYPES,
    DateValue,
    Event,
    Modality,
    NumberValue,
    PlaceRef,
    Span,
)

EXPORTED = frozenset({"asserted", "attributed"})
# Sub-types and the event type the merging and typing stages name (one home for both).
REMOTE = "Explosions/Remote violence"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"
_TOLL_FAMILIES = frozenset({"kill"})
# place rules that read the place from the telling's own words, not the sentence's or the
# narrative's last
OWN_PLACE_RULES = frozenset({"clause", "anaphora"})


@dataclass
class Candidate:
    """One trigger's reading, before merging."""

    event_type: str
    sub_event_type: str
    region: str  # "body" or "title"
    position: int  # trigger token index
    sentence: int
    evidence: Span
    paragraph: int = -1
    weak: bool = False  # a generic trigger ("targeted", "attack") that names no weapon or kind
    place: PlaceRef | None = None
    place_text: str | None = None
    place_rule: str | None = None
    date: DateValue | None = None
    actor1: str | None = None
    actor2: str | None = None
    # the actors' kinds in the profile ("state_forces", "organisation", ...), None unknown
    actor1_kind: str | None = None
    actor2_kind: str | None = None
    counts: dict[str, NumberValue] = field(default_factory=dict)
    modality: Modality = "asserted"
    asserted_by: str | None = None
    # the unresolved relative expression ("last year") that leaves ``date`` empty, if any
    relative: TokenRelative | None = None
    family: str = ""  # the trigger's family in the lexicon ("kill", "airstrike", ...)
    geo_precision: int | None = None
    anaphoric: bool = False  # "these attacks", "condemned the massacre": an event told before
    # "the strike was carried out by Russian jets", "they heard the blast": a noun with the
    # definite article and no place of its own names an occurrence the reader already knows
    definite: bool = False
    # "The bombings came as ...", "the attack took place as ...": a definite noun whose verb
    # only sets an occurrence already told in time, with no place of its own
    framed: bool = False
    vetoed: bool = False  # the event-sentence model finds no event in its sentence
    sure_none: bool = False  # ... and is sure enough to drop it where it is placed too
    summary: bool = False  # a lead toll told without a town, summing the events told after it
    # "six more people were killed in a village near Manbij": the text says this is not the
    # occurrence told before
    distinct: bool = False
    decision: str = "kept"  # kept | merged | dropped
    reason: str = ""

    @property
    def weight(self) -> int:
        """How much this telling says: its first evidence span should say the most."""
        return (
            (2 if self.place_rule == "clause" else 1 if self.place else 0)
            + (2 if is_explicit(self.date) else 0)
            + (self.actor1 is not None) + (self.actor2 is not None)
            + bool(self.counts) + (self.region == "body")
        )

    @property
    def place_key(self) -> str | None:
        if self.place is None:
            return None
        if self.place.geonameid is not None:
            return str(self.place.geonameid)
        return self.place.name.lower()


def merge(candidates: list[Candidate], doc_id: str, extractor: str,
          fragment_window: int) -> list[Event]:
    """Events of one document, in order of their first telling."""
    groups: list[list[Candidate]] = []
    body = [c for c in candidates if c.region == "body"]
    for cand in body:
        if cand.distinct:  # told as another occurrence: it starts its own event
            groups.append([cand])
            continue
        group = next((g for g in groups if _joins(g, cand)), None)
        if group is None and cand.anaphoric:
            group = next((g for g in reversed(groups) if g[0].paragraph == cand.paragraph
                          and (g[0].modality in EXPORTED) == (cand.modality in EXPORTED)), None)
        if group is None:
            group = next((g for g in reversed(groups) if _restates(cand, g, fragment_window)),
                         None)
        if group is None and cand.definite:
            group = next((g for g in reversed(groups) if _known(cand, g)), None)
            if group is not None and _the_blast(cand, group[0]):
                cand.event_type, cand.sub_event_type = group[0].event_type, SUICIDE
        if group is None and cand.framed:
            group = next((g for g in reversed(groups) if _frames(cand, g)), None)
        if group is None and cand.sub_event_type == IED:
            group = next((g for g in reversed(groups) if _bomber_retold(cand, g)), None)
            if group is not None:
                cand.event_type, cand.sub_event_type = group[0].event_type, SUICIDE
        if (group is None and cand.place is None and _bare_toll(cand)
                and not _lead_attack(cand, groups)):
            _lend_counts(cand, groups, fragment_window)
            continue
        if (group is None and cand.vetoed and cand.modality in EXPORTED
                and cand.place_rule != "clause"):
            cand.decision = "dropped"
            cand.reason = "the model finds no event in this sentence (a weak trigger)"
            continue
        if group is None and cand.sure_none and cand.modality in EXPORTED:
            cand.decision = "dropped"
            cand.reason = "the model is sure this sentence reports no event"
            continue
        if group is None:
            groups.append([cand])
        else:
            cand.decision = "merged"
            cand.reason = f"retells the event of sentence {group[0].sentence}"
            group.append(cand)
    groups = _absorb_summaries(groups, fragment_window)
    groups = _absorb_city_leads(groups, fragment_window)
    for cand in candidates:
        if cand.region != "title":
            continue
        group = next((g for g in groups if all(same_occurrence(m, cand) for m in g)), None)
        if group is not None:
            cand.decision, cand.reason = "merged", "the title restates a body event"
            group.append(cand)
        else:
            cand.decision, cand.reason = "dropped", "a title alone tells no event"
    events = [_event(g, doc_id, extractor) for g in groups]
    return sorted(events, key=lambda e: e.evidence[0].start)


def _joins(group: list[Candidate], cand: Candidate) -> bool:
    """Whether the candidate may join the group: it may be one occurrence with every
    telling of it. A telling placed only at the country, region or province ("air strikes
    on a market in northwestern Syria") that the group already places at a town of that area
    ("the strikes on the market in Maaret al-Numan") does not keep a later telling at that
    town out ("military aircraft had targeted the market in Maaret al-Numan")."""
    if all(same_occurrence(m, cand) for m in group):
        return True
    if cand.place is None or _townless(cand):
        return False
    if not any(m.place_key == cand.place_key for m in group):
        return False
    return all(same_occurrence(m, cand) or (
        _townless(m) and m.place is not None and _in_area(cand.place, m.place)
        and same_occurrence(m, cand, anywhere=True)) for m in group)


def _absorb_summaries(groups: list[list[Candidate]], window: int) -> list[list[Candidate]]:
    """A toll told without a town (no place, or only a country, region or province: "air
    strikes killed 42 people in Idlib province") that the next sentences tell at a town
    of that area ("the raids killed 19 outside Saraqeb") is the lead of that event, or a
    total of the events told after it (GUIDE: no event of its own). It joins the first
    such event told after it, within ``window`` sentences, whose toll is not larger; that
    event keeps its town and its own toll."""
    out: list[list[Candidate]] = []
    absorbed: set[int] = set()
    for k, group in enumerate(groups):
        if id(group) in absorbed:
            continue
        lead = group[0]
        toll = _killed(group)
        if toll is not None and all(_townless(m) for m in group):
            last = max(m.sentence for m in group)
            target = next((g for g in groups[k + 1:] if id(g) not in absorbed
                           and min(m.sentence for m in g) - last <= window
                           and _details(g, lead, toll)), None)
            if target is not None:
                for m in group:
                    m.decision, m.summary = "merged", True
                    m.reason = f"a lead toll told in full at sentence {target[0].sentence}"
                target.extend(group)
                continue
        out.append(group)
    return out


# A province's or a country's capital ("air strikes on Aleppo", "a car bomb in the city of
# Homs"), and how far from it a town it is the lead of may lie.
_CITIES = frozenset({"PPLC", "PPLA"})
_CITY_KM = 35.0


def _absorb_city_leads(groups: list[list[Candidate]], window: int) -> list[list[Candidate]]:
    """An event placed only at a province's capital (or at the province) that another
    telling of its sub-type, voice, dates and attackers places at a town, suburb or
    neighbourhood of that city's province nearby ("government air strikes on an area
    outside the capital Damascus" ... "the strikes on Douma"; "shelling of the
    Sulaymaniyah neighbourhood of the Syrian city of Aleppo") is that occurrence told at a
    coarser grain (GUIDE: the most specific place named): it joins the nearest such event
    told after it within ``window`` sentences, whose toll is not larger, and that event
    keeps its place. The window counts from any telling of the lead's group, so a lead
    whose retellings came after the town's ("Rocket attack injures three civilians in
    Lattakia countryside Three civilians were injured in a rocket attack on Kilmakho area"
    ... "fired rocket shells" placed at the province again) still joins it; a telling that
    names the city in its own words more than ``window`` sentences after the town's stays
    an event of its own."""
    absorbed: set[int] = set()
    for group in groups:
        placed = [m for m in group if m.place is not None]
        if not placed or not all(_city(m.place) for m in placed):
            continue
        lead = group[0]
        last = max(m.sentence for m in group)
        toll = _killed(group)
        near = [g for g in groups if g is not group and id(g) not in absorbed
                and not _one_trigger(group, g)
                and (0 <= g[0].sentence - last <= window or _told_by(g[0], group, window))
                and not _larger(_killed(g), toll)
                and _finer(g, lead, placed[0].place) and _dates_agree(g, lead)
                and all(_dates_agree(group, m) for m in g)]
        if not near:
            continue
        target = min(near, key=lambda g: abs(g[0].sentence - lead.sentence))
        # a telling that places itself at the city long after the town's is another
        # occurrence there ("one of its centres in the rebel-held part of Aleppo was hit"):
        # it stays an event
        stays = [m for m in group if _another_telling(m, target[0], window)]
        kept = {id(m) for m in stays}
        for m in group:
            if id(m) not in kept:
                m.decision, m.summary = "merged", True
                m.reason = f"the event of sentence {target[0].sentence} told at its city"
        target.extend(m for m in group if id(m) not in kept)
        group[:] = stays
        if group:
            group[0].decision, group[0].reason = "kept", ""
        else:
            absorbed.add(id(group))
    return [g for g in groups if id(g) not in absorbed]


def _one_trigger(city: list[Candidate], town: list[Candidate]) -> bool:
    """Whether one trigger was read at the town and at the city for another spot of its
    list: "fired rocket shells at the neighbourhoods of al-Zahraa and Nile Street" (a street
    the gazetteer lacks is placed at its city). The city holds the list's remainder, which
    the gold codes at the city beside each neighbourhood (ACLED: one event per location),
    not the town's occurrence told at a coarser grain."""
    told = {(m.sentence, m.position) for m in town}
    return any((m.sentence, m.position) in told and _stands_in(m) for m in city)


def _stands_in(cand: Candidate) -> bool:
    """A telling placed at its city for a spot its own words name otherwise ("Nile Street"
    at Aleppo), not at the city named as itself ("villages east of Mosul")."""
    if cand.place is None or not cand.place_text:
        return False
    return cand.place_text.lower() != cand.place.name.lower()


def _told_by(first: Candidate, group: list[Candidate], window: int) -> bool:
    """Whether a telling at a town comes with the city lead's group: not before its lead, and
    within ``window`` sentences of one of its tellings. The group may have drawn later
    retellings of its own ("rocket shells on the Latakia countryside" after "a rocket attack
    on the village of Kilmakho in Latakia province"): they do not push the town's telling
    out."""
    return (first.sentence >= group[0].sentence
            and any(abs(first.sentence - m.sentence) <= window for m in group)
            # one trigger read at the town and at its city ("killed five civilians in
            # Mouhessen town and Jadid Ekeidat village in Deir Ezzor") is a place question
            # (the city may hold a remainder the gold codes), not a second telling
            and all(m.position != first.position for m in group))


def _another_telling(m: Candidate, town: Candidate, window: int) -> bool:
    """A telling of the city lead's group told more than ``window`` sentences after the
    town's, that names the city in its own words: another occurrence at the city."""
    return (m.sentence > town.sentence + window and m.place_rule in OWN_PLACE_RULES
            and m.place is not None)


def _larger(toll: float | None, lead: float | None) -> bool:
    """A town's toll larger than its lead's: the lead (five killed in Idlib province) is
    another event, not a summary of the town's (19 killed in Saraqeb)."""
    return toll is not None and lead is not None and toll > lead


def _city(place: PlaceRef | None) -> bool:
    return place is not None and (place.feature_code in _CITIES or place.precision == "admin1")


def _part_of_city(place: PlaceRef | None, city: PlaceRef | None) -> bool:
    """A neighbourhood, suburb or town by a province's or a country's capital: neither a
    city of that rank itself nor a province, region or country, in the city's province or
    within ``_CITY_KM`` of it (a capital's suburbs may lie in another province)."""
    if place is None or city is None or _city(place) or _coarse(place):
        return False
    if place.admin1 is not None and place.admin1 == city.admin1:
        return True
    return _km(place, city) <= _CITY_KM


def _finer(group: list[Candidate], lead: Candidate, area: PlaceRef | None) -> bool:
    """Whether the group tells the lead's occurrence at a place within ``area``, the lead's
    city or province."""
    first = group[0]
    if (first.sub_event_type != lead.sub_event_type or not _same_voice(first, lead)
            or not actors_agree(first, lead)):
        return False
    town = first.place
    if town is None or area is None or _city(town) or _coarse(town):
        return False
    if area.precision == "admin1":
        return town.admin1 is not None and town.admin1 == area.admin1
    # by distance: a capital's suburbs may lie in another province (Douma, Rif Dimashq)
    return _km(town, area) <= _CITY_KM


def _km(a: PlaceRef, b: PlaceRef) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0 if a.precision == "unlisted" else float("inf")
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(h))


def _killed(group: list[Candidate]) -> float | None:
    tolls = [m.counts["killed"].low for m in group if "killed" in m.counts]
    return max((t for t in tolls if t is not None), default=None)


def _townless(cand: Candidate) -> bool:
    return cand.place is None or _coarse(cand.place) or cand.place.precision == "admin1"


def _details(group: list[Candidate], lead: Candidate, toll: float) -> bool:
    """Whether the group tells the lead's occurrence at a town of its area, with no larger
    toll."""
    first = group[0]
    if first.sub_event_type != lead.sub_event_type or not _same_voice(first, lead):
        return False
    towns = [m for m in group if m.place_rule in OWN_PLACE_RULES and not _townless(m)]
    if not towns or not any(_in_area(m.place, lead.place) for m in towns):
        return False
    own = _killed(group)
    return ((own is None or own <= toll)
            and _dates_agree(group, lead)
            and actors_agree(first, lead))


def _in_area(place: PlaceRef | None, area: PlaceRef | None) -> bool:
    """A town within the area: anywhere for no area, the same country or province."""
    if place is None:
        return False
    if area is None:
        return True
    if area.precision == "admin1":
        return place.admin1 is not None and place.admin1 == area.admin1
    return area.country is None or place.country == area.country


def _bare_toll(cand: Candidate) -> bool:
    """A killing told with no place and no weapon or kind: a toll, not an occurrence."""
    return cand.family in _TOLL_FAMILIES


def _lead_attack(cand: Candidate, groups: list[list[Candidate]]) -> bool:
    """A killing typed as an attack on civilians and told before any other event
    ("Gunmen killed six gold miners ...", "Soldiers shot dead four fishermen ..."): the
    report's own occurrence, kept though its place is unknown, not a toll lent to another."""
    return not groups and cand.sub_event_type == "Attack" and cand.modality in EXPORTED


def _restates(other: Candidate, group: list[Candidate], window: int) -> bool:
    """A generic or placeless telling ("the bus station was also targeted", "the strikes
    killed 12") of an event the same paragraph already typed, or a placed telling of one
    told so far without a place ("agreed to a ceasefire at talks in Geneva"): same place
    where both have one, else the same sub-type nearby; overlapping date, no conflicting
    actor."""
    first = group[0]
    placed = [m for m in group if m.place is not None]
    if placed and all(_coarse(m.place) for m in placed) and _within(other.place, placed):
        placed = []  # "a town in eastern Syria" ... "the strikes on Al-Shaara"
    if other.place is None or not placed:
        near = other.sentence - max(m.sentence for m in group) <= window
        same = near and first.sub_event_type == other.sub_event_type
    elif all(same_occurrence(m, other) for m in placed):
        same = True  # the group's placeless tellings do not keep a placed one out
    elif other.weak:
        same = first.place_key == other.place_key
    else:
        return False
    # A weak trigger of another sub-type at the same place ("fierce fighting" after the
    # capture of a town) joins only a telling in the same voice.
    voice = (_same_voice(first, other) if first.sub_event_type == other.sub_event_type
             else first.modality == other.modality)
    return (
        same
        and first.paragraph == other.paragraph
        and voice
        and _overlap(first.date, other.date)
        and actors_agree(first, other)
    )


def _known(cand: Candidate, group: list[Candidate]) -> bool:
    """Whether a definite telling with no place of its own ("the strike", "the blast")
    names the group's occurrence: the same sub-type, told before it, in the same voice,
    at dates and by attackers that agree."""
    first = group[0]
    same = first.sub_event_type == cand.sub_event_type or _the_blast(cand, first)
    return same and _retells(cand, group)


def _retells(cand: Candidate, group: list[Candidate]) -> bool:
    """Whether a telling may be the group's occurrence told again: in the same voice as its
    first telling, at dates and by attackers that agree (what each caller asks beside this
    says which kind of telling it is)."""
    first = group[0]
    return _same_voice(first, cand) and _dates_agree(group, cand) and actors_agree(first, cand)




def _frames(cand: Candidate, group: list[Candidate]) -> bool:
    """Whether a framed telling ("The bombings came as rebels launched assaults") names the
    group's occurrence: the last act of armed violence told before it, in the same voice,
    at dates and by attackers that agree, whatever sub-type the bare noun got on its own
    ("the bombings" after air strikes on a hospital are those air strikes)."""
    # a framed "attack" or "bombing" may name any event type of armed violence
    return (group[0].event_type in VIOLENT_TYPES and cand.event_type in VIOLENT_TYPES
            and _retells(cand, group))


def _the_blast(cand: Candidate, first: Candidate) -> bool:
    """ "the blast", "the explosion", "the bomb went off": a definite blast word types no
    weapon of its own (it keeps the family's default, a planted bomb), so after a suicide
    bombing it names that bombing ("a suicide bomber blew himself up inside a hall" ...
    "who was wounded in the head in the blast")."""
    return (cand.family == "explosive" and cand.sub_event_type == IED
            and first.sub_event_type == SUICIDE)


def _bomber_retold(cand: Candidate, group: list[Candidate]) -> bool:
    """A planted-bomb telling at a suicide bombing's place, or with no place of its own, told
    after it: the bomber's charge told again ("the attacker detonated his explosives at a
    bakery", "who detonated an explosive device", "she heard at least two blasts"), one
    Suicide bomb as ACLED codes it. A bomb the text tells as another occurrence ("another
    explosion a few minutes later") is ``distinct`` and never asks."""
    return (group[0].sub_event_type == SUICIDE
            and (cand.place is None or any(m.place_key == cand.place_key for m in group))
            and _retells(cand, group))


def _dates_agree(group: list[Candidate], cand: Candidate) -> bool:
    """Whether every explicitly dated telling of the group overlaps the candidate's date."""
    return all(_overlap(m.date, cand.date) for m in group if is_explicit(m.date))


def _coarse(place: PlaceRef | None) -> bool:
    return place is not None and place.precision in COARSE_PRECISIONS


def _in_province(place: PlaceRef | None, province: PlaceRef) -> bool:
    """A town, district or neighbourhood of the province."""
    return (place is not None and place.precision not in COARSE_PRECISIONS | {"admin1"}
            and place.admin1 is not None and place.admin1 == province.admin1)


def _within(place: PlaceRef | None, coarse: list[Candidate]) -> bool:
    """A specific place in the country the coarse tellings name."""
    return (place is not None and not _coarse(place) and place.country is not None
            and all(m.place is not None and m.place.country == place.country for m in coarse))


def _lend_counts(cand: Candidate, groups: list[list[Candidate]], window: int) -> None:
    cand.decision, cand.reason = "dropped", "a toll with no place or kind of its own"
    if not cand.counts or not groups:
        return
    last = groups[-1]
    if cand.sentence - max(m.sentence for m in last) > window:
        return
    # A total told in another paragraph sums up something else (often the whole war).
    if cand.paragraph != last[-1].paragraph:
        return
    if cand.modality in EXPORTED and last[0].modality in EXPORTED:
        owner = last[0]
        cand.reason = f"its toll goes to the event of sentence {owner.sentence}"
        for key, value in cand.counts.items():
            owner.counts.setdefault(key, value)


def same_occurrence(a: Candidate, b: Candidate, anywhere: bool = False) -> bool:
    """Whether two tellings may be one occurrence (the test merging applies, pair by pair);
    ``anywhere``: whatever their places."""
    if _one_handover(a, b):
        return True
    if a.sub_event_type != b.sub_event_type or (
            not anywhere and a.place_key != b.place_key and not _one_clause_placed(a, b)):
        return False
    if not _same_voice(a, b):
        return False
    if is_explicit(a.date) and is_explicit(b.date) and not _overlap(a.date, b.date):
        return False
    return actors_agree(a, b)


# Places a telling did not find in its own sentence: the paragraph's, or none
_BORROWED_PLACES = frozenset({None, "narrative"})


def _one_clause_placed(a: Candidate, b: Candidate) -> bool:
    """Two tellings of one sentence ("air defenses intercepted and destroyed a drone launched
    towards Jazan"), one placed by its own clause, the other only by the paragraph before:
    the borrowed place is a guess the clause's place overrules."""
    return a.sentence == b.sentence and (
        (a.place_rule in _BORROWED_PLACES) != (b.place_rule in _BORROWED_PLACES)) and (
        "clause" in (a.place_rule, b.place_rule))


_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                        "Non-violent transfer of territory"})
_HANDOVER = "Non-violent transfer of territory"


def _one_handover(a: Candidate, b: Candidate) -> bool:
    """Two tellings of one change of hands at one place, typed apart: the capture and the
    withdrawal it forced ("seized Mosul after army and police units fled"), or a capture
    told once with its taker and once without ("Wagner units completed the liberation of
    Artyomovsk" ... "the liberation of the city"), whose sub-type the taker decides."""
    kinds = {a.sub_event_type, b.sub_event_type}
    if len(kinds) == 1 or not kinds <= _TERRITORY:
        return False
    if a.place_key is None or a.place_key != b.place_key or not _same_voice(a, b):
        return False
    # a loss and a recapture are two changes of hands: tellings in two sentences are one
    # only where both are dated, and alike ("lost Palmyra in May 2015" ... "the recapture")
    if a.sentence != b.sentence and (a.date is None or b.date is None
                                     or not _overlap(a.date, b.date)):
        return False
    if is_explicit(a.date) and is_explicit(b.date) and not _overlap(a.date, b.date):
        return False
    return _HANDOVER in (a.sub_event_type, b.sub_event_type) or a.actor1 is None or b.actor1 is None


def _same_voice(a: Candidate, b: Candidate) -> bool:
    """Both reported (in the article's voice or on someone's word: one source says it, the
    next sentence tells it outright), or both the same irrealis (planned, denied...)."""
    if (a.modality in EXPORTED) != (b.modality in EXPORTED):
        return False
    return a.modality in EXPORTED or a.modality == b.modality


# Kinds of actor that do the acting of a conflict event; any other actor1 ("Civilians",
# "Syrian Observatory for Human Rights" misread as the attacker) contradicts no one.
_ACTING_KINDS = frozenset({"state_forces", "government", "militia", "police", "armed_group",
                           "rebels"})


def actors_agree(a: Candidate, b: Candidate) -> bool:
    """Whether two tellings' actors allow one occurrence.

    Only the attacker can tell two occurrences apart: the victims of one strike are told
    as "civilians" in one sentence and "rebels" or "IS militants" in the next. Two
    attackers contradict each other when both are acting kinds (a force, a group) of
    different sides: a state's government and its military are one side ("Russia's
    defence ministry" and "Russian jets"). In a battle the sides may be told either way
    round ("IS attacked SDF positions", "the SDF repelled the IS attack")."""
    x, y = a.actor1, b.actor1
    if x is None or y is None or _side(x) == _side(y):
        return True
    if not (_acting(a.actor1_kind) and _acting(b.actor1_kind)):
        return True
    return a.event_type == "Battles" and (x == b.actor2 or y == a.actor2)


def _acting(kind: str | None) -> bool:
    return kind is None or kind in _ACTING_KINDS


def _side(actor: str) -> str:
    return state_of(actor) or actor


def _overlap(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _event(group: list[Candidate], doc_id: str, extractor: str) -> Event:
    ranked = sorted(group, key=lambda c: (c.weak, -c.weight, c.region != "body", c.position))
    # one change of hands told as a capture and as a withdrawal, or with and without its
    # taker (``_one_handover``): the capture, by the telling that names the taker
    kinds = {c.sub_event_type for c in group}
    if len(kinds) > 1 and kinds <= _TERRITORY:
        ranked.sort(key=lambda c: (c.sub_event_type == _HANDOVER, c.actor1 is None))
    best = ranked[0]
    rest = sorted((c for c in group if c is not best),
                  key=lambda c: (c.region != "body", c.position))
    evidence: list[Span] = []
    for c in [best, *rest]:
        if c.evidence not in evidence:
            evidence.append(c.evidence)
    dated = next((c.date for c in ranked if is_explicit(c.date)), None)
    counts: dict[str, NumberValue] = {}
    for c in sorted(ranked, key=lambda c: c.summary):  # a lead total's toll comes last
        for key, value in c.counts.items():
            counts.setdefault(key, value)
    voice = next((c for c in ranked if c.modality == "asserted"), best)
    where = best
    # a lead told at its area (a summary) places the event by the telling it summarises
    # ("air strikes in northern Aleppo province" ... "the raids hit a hospital in Kafr
    # Hamra"): that telling's town, not another telling of the area's city
    told = sorted(ranked, key=lambda c: c.summary)
    if _coarse(best.place):  # a lead told at country level, completed by a later telling
        where = next((c for c in told if c.place is not None and not _coarse(c.place)), best)
    elif best.place is not None and best.place.precision == "admin1":
        # a province ("rural Homs"), completed by a telling that names a town in it
        where = next((c for c in told if _in_province(c.place, best.place)), best)
    elif best.summary and _city(best.place):  # a lead told at its city (_absorb_city_leads)
        where = next((c for c in told if not c.summary and c.place is not None), best)
    elif best.place_rule == "narrative":  # the paragraph's place, overruled by its sentence's
        where = next((c for c in told if c.sentence == best.sentence
                      and c.place_rule == "clause"), best)
    elif _city(best.place):
        # a city retold at a part or a suburb of it ("killed in Damascus when a mortar hit
        # a school" ... "The attack occurred in Qaboun"): the most specific place named
        where = next((c for c in told if c.place_rule in OWN_PLACE_RULES
                      and c.sub_event_type == best.sub_event_type
                      and _part_of_city(c.place, best.place)), best)
    elif best.place is None:
        # a lead told without a place ("a shelling attack by terrorist groups"), placed by a
        # telling naming one: its own words first, else its sentence's (GUIDE: the most
        # specific place any telling of the event names), never the paragraph's last
        where = next((c for c in told if c.place_rule in OWN_PLACE_RULES), None) or next(
            (c for c in told if c.place is not None and c.place_rule not in _BORROWED_PLACES),
            best)
    return Event(
        doc_id=doc_id,
        event_type=best.event_type,
        sub_event_type=best.sub_event_type,
        evidence=tuple(evidence),
        date=dated or next((c.date for c in ranked if c.date is not None), None),
        place=where.place,
        place_text=where.place_text,
        geo_precision=where.geo_precision,
        actor1=next((c.actor1 for c in ranked if c.actor1), None),
        actor2=next((c.actor2 for c in ranked if c.actor2), None),
        counts=counts,
        modality=voice.modality,
        asserted_by=voice.asserted_by,
        extractor=extractor,
    )
