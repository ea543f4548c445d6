"""Descriptors: nouns with no fixed referent ("terrorists", "rebels"), linked by context.

"Terrorists" in a pro-government article may mean the Islamic State in one
sentence and the whole armed opposition in the next; the profile says which
sides a descriptor may name (``refers_to``) and what it names by default.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from palmyra.annotate.actor_matcher import DescriptorTarget, Found, Hit
from palmyra.model import ActorRef
from palmyra.profiles import ActorEntry, Descriptor, Profile, load_word_list

# Descriptors name people who fight ("terrorists", "rebels"): only armed actors can be
# their referent, never the negotiators of a political group or a government.
_ARMED_KINDS = frozenset({"armed_group", "militia", "state_forces"})

# The rule of a descriptor no named group stands behind: the profile's default, or a
# descriptor chained back to one ("terrorists ... the terrorists"), so that the event
# conventions can tell "no one named" from a group the context names (gold/GUIDE.md)
DESCRIPTOR_DEFAULT = "descriptor.default"


def link_descriptors(
    doc: Doc, hits: list[Hit], actors: list[Found], profile: Profile, window: int
) -> list[Found]:
    """Resolve each descriptor; the first rule that gives an actor wins.

    1. ``descriptor.modifier``: an actor named just before it ("Daesh
       terrorists") becomes one mention with the descriptor's register.
    2. ``descriptor.phrase``: an actor inside its own phrase ("mercenaries
       affiliated with the Islamic State").
    3. ``descriptor.context``: the nearest armed actor of a ``refers_to`` side in
       the same sentence, else the latest one in the ``window`` sentences before.
    4. ``descriptor.default``: the profile's default actor, if it has one; a descriptor
       that 2 or 3 finds chained back to a default one keeps this rule (no group named).

    Args:
        hits: descriptor hits that won against overlapping names.
        actors: actor mentions with a fixed referent; step 1 extends them in place.

    Returns:
        The new mentions (steps 2-4); unresolved descriptors give none.
    """
    ends = {f.end: f for f in actors if f.rule != "metonym"}
    starts = _sentence_starts(doc)
    openers = _item_openers(doc)
    antecedents = sorted((f for f in actors if f.ref.kind in _ARMED_KINDS), key=lambda f: f.start)
    out: list[Found] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if not isinstance(hit.target, DescriptorTarget):
            continue
        desc = hit.target.descriptor
        named = ends.get(hit.start)
        if named is not None:
            named.end, named.rule = hit.end, "descriptor.modifier"
            named.ref = _merge(named.ref, desc)
            continue
        group = _group_modifier(doc, hit.start, profile)
        if group is not None:
            start, actor = group
            ref = ActorRef(actor.canonical, actor.kind, actor.side)
            out.append(Found(start, hit.end, _merge(ref, desc), "descriptor.modifier"))
            antecedents.append(out[-1])
            antecedents.sort(key=lambda f: f.start)
            continue
        allowed = [f for f in antecedents if f.ref.side in desc.refers_to]
        found, rule = _in_phrase(doc, hit, allowed), "descriptor.phrase"
        if found is None:
            since = openers[bisect_right(openers, hit.start) - 1] if openers and (
                openers[0] <= hit.start) else 0
            found = _in_context(hit, [f for f in allowed if f.start >= since], starts, window)
            rule = "descriptor.context"
        if found is not None:
            if found.rule == DESCRIPTOR_DEFAULT:
                rule = DESCRIPTOR_DEFAULT  # "terrorists ... the terrorists": still no one
            out.append(Found(hit.start, hit.end, _framed(found.ref, desc), rule))
            antecedents.append(out[-1])  # "the terrorists ... the terrorists" chains
            antecedents.sort(key=lambda f: f.start)
        elif desc.default and (actor := profile.actor(desc.default)):
            ref = ActorRef(actor.canonical, actor.kind, actor.side)
            out.append(Found(hit.start, hit.end, _framed(ref, desc), DESCRIPTOR_DEFAULT))
            if actor.kind in _ARMED_KINDS:
                # "terrorist groups ... continued targeting ... a terrorist rocket attack":
                # the group a descriptor named by default is the context of the next one
                antecedents.append(out[-1])
                antecedents.sort(key=lambda f: f.start)
    return out


# A state's modifiers are left out: "Syrian fighters" are often the Islamic State's, "Iraqi
# militias" the PMU's (resources/force_nouns.txt leaves out "fighters" for that reason).
_STATE_KINDS = frozenset({"state_forces", "government"})


def _group_modifier(doc: Doc, start: int, profile: Profile) -> tuple[int, ActorEntry] | None:
    """An armed group's modifier word just before a descriptor: "Houthi fighters", "RSF
    militiamen", "Kurdish fighters" name that group, as "Houthi forces" already does."""
    for n in (3, 2, 1):
        if start - n < 0:
            continue
        words = doc[start - n : start]
        if not words[0].text[:1].isupper():
            continue
        # the last of the groups the words name, as the profile lists them
        groups = [a for a in profile.modifier_actors.get(words.text.lower(), ())
                  if a.kind not in _STATE_KINDS]
        if groups:
            return start - n, groups[-1]
    return None


def _merge(named: ActorRef, desc: Descriptor) -> ActorRef:
    """The descriptor's register ("al-Nusra terrorists"), unless neutral for this side."""
    framed = _framed(named, desc)
    return named if framed.register == "neutral" else framed


def _framed(ref: ActorRef, desc: Descriptor) -> ActorRef:
    if ref.side in desc.neutral_for:
        return replace(ref, register="neutral", reason=f"accurate for {ref.side} groups")
    return replace(ref, register=desc.register, reason=desc.reason)


def _in_phrase(doc: Doc, hit: Hit, allowed: list[Found]) -> Found | None:
    if not doc.has_annotation("DEP"):
        return None
    root = doc[hit.start : hit.end].root
    return next((f for f in allowed if hit.end <= f.start <= root.right_edge.i), None)


def _in_context(hit: Hit, allowed: list[Found], starts: list[int], window: int) -> Found | None:
    sent = bisect_right(starts, hit.start) - 1
    same = [f for f in allowed if bisect_right(starts, f.start) - 1 == sent]
    if same:
        return min(same, key=lambda f: abs(f.start - hit.start))
    first = starts[max(sent - window, 0)]
    before = [f for f in allowed if first <= f.start < starts[sent]]
    return before[-1] if before else None


def _item_openers(doc: Doc) -> list[int]:
    """Where the items of a dispatch open (``resources/item_openers.txt``): a capitalised
    opener ("In the same context", "In another development") or "In" before a place name
    ("In Damascus three women were wounded in a terrorist mortar attack"). A state agency
    strings items from several provinces together; the "terrorists" of a new item are not
    the group the item before named (ISIL in Deir Ezzor), but whom the item names, else
    the default."""
    phrases = _openers()
    out = []
    for token in doc:
        if not token.is_title:
            continue
        if token.lower_ == "in" and token.i + 1 < len(doc) and (
                doc[token.i + 1].ent_type_ in ("GPE", "LOC")):
            if _new_place(doc, token):
                out.append(token.i)
            continue
        for words in phrases:
            if doc[token.i: token.i + len(words)].text.lower().split() == list(words):
                out.append(token.i)
                break
    return out


_PLACE_ENTS = ("GPE", "LOC", "FAC")
_SAME_ITEM_REACH = 2  # sentences before an "In X" whose places it may go on telling


def _new_place(doc: Doc, token: Token) -> bool:
    """Whether an "In X" opens a new item: not where the sentence goes on with the item
    ("In Deir Ezzor city, the terrorists also shelled ..."), nor where X is a place the
    sentence or two before named or a part of it ("army posts near Deir Ezzor ... In Deir
    Ezzor city"): the dispatch is still telling the place it was telling."""
    if not doc.has_annotation("SENT_START"):
        return True
    sent = token.sent
    if any(t.lower_ == "also" for t in sent):
        return False
    ent = next((e for e in doc.ents if e.start == token.i + 1), None)
    if ent is None:
        return True
    here = ent.text.lower()
    sents = list(doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start == sent.start)
    for before in sents[max(k - _SAME_ITEM_REACH, 0):k]:
        for e in before.ents:
            there = e.text.lower()
            if e.label_ in _PLACE_ENTS and (there in here or here in there):
                return False
    return True


@cache
def _openers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in load_word_list("item_openers"))


def _sentence_starts(doc: Doc) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [s.start for s in doc.sents]
