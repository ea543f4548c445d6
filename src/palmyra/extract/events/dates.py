"""When an event happened: a short ordered chain of date rules (STYLE rule 4).

1. ``clause``: a date mention in the trigger's clause, nearest first.
2. ``sentence``: the nearest date mention anywhere in the sentence (a date on
   the reporting verb, "announced last week that ... agreed", dates the event).
3. ``narrative``: the paragraph's last event date, when the narrative goes on; a date
   that ended before the publication week does not become it (``carries_on``), nor does
   it pass to a sentence that opens on a place of its own ("In Hama, army units ...":
   a round-up turning to another front, ``opening_place``; the extractor decides).
4. ``publication``: the publication date, widened to the week before it for an
   event told as news, or to its month for an event only named by a noun
   ("the recapture of Palmyra"), which may lie further back.
5. no date, short of the last resort below (``text-anchor``).

A trigger told in a clause that counts back from the sentence's own time ("comes two
days after jets hit a convoy") is moved that long before the date the chain gives
(``event:before``), unless the clause dates itself. The day a source spoke ("a monitor
said Sunday") is taken in steps 1 and 2 only where no other date is there, and gives
``event:report-day`` (that day at week precision). A day in steps 1 and 2 that opens a span
the event ran over ("since Thursday", "between Tuesday and Wednesday", "by Friday", "on
Friday and Saturday") dates it on the span's first day at week precision.

Dates of a cited reference ("(Title, Outlet, 4 March 2017)") date the
reference, not the event, and are skipped, as are dates after the publication
date: an asserted past event cannot postdate the article, so such a date
belongs to a plan or a misreading. ``DateValue.rule`` names the rule that fired.

A text with no anchor at all (no publication date, no full date) leaves its
relative expressions ("last year") unresolved; in steps 1 and 2 the nearest
of them stands for the date it would have given, so the event stays undated
(its date is not borrowed from the narrative). When ``anchor`` has
inferred the day of writing from an occurrence told twice, that anchor
resolves such an expression (``event:relative``) and otherwise stands in for
the publication date in step 4, at its own coarse precision (``event:anchor``).

Last resort, ``text-anchor`` (``text_anchor``/``writing_month``): a text with no
   publication date and no inferred anchor was written on or after the latest
   explicit full date it gives ("12 December 2016"), and most likely within
   that month; an event it narrates as news takes that month. The dates of
   cited references count here (unlike in steps 1 and 2): what an article
   cites bounds its day of writing from below just as well as what it
   reports. Only ``events`` decides which events qualify (a realis event told
   by a finite past or perfect verb); a noun or participle merely naming an
   occurrence ("the city, previously liberated") may lie anywhere before.
"""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date, timedelta

from spacy.tokens import Span, Token

from palmyra.annotate.dates import shift_period
from palmyra.annotate.numbers import parse_count
from palmyra.extract.events.index import DocIndex, TokenMention, TokenRelative
from palmyra.extract.events.lexicon import lexicon
from palmyra.extract.events.syntax import ancestors_in_sentence
from palmyra.extract.events.triggers import Hit
from palmyra.model import DateValue

PUBLICATION_WEEK_DAYS = 6


def resolve_date(
    hit: Hit,
    clause: list[Token],
    sent: Span,
    index: DocIndex,
    previous: DateValue | None,
    reported: bool,
    anchor: DateValue | None = None,
) -> DateValue | None:
    """The event's date, with the rule that found it recorded in ``DateValue.rule``.

    ``reported`` says whether a verb tells the event (as news: the week before
    publication) rather than a noun merely naming it (its month). ``anchor``
    is an inferred day of writing (``anchor``), for a text without a
    publication date.
    """
    date = _resolve(hit, clause, sent, index, previous, reported, anchor)
    earlier = _time_before(hit, sent, index)
    if date is None or earlier is None:
        return date
    unit, count = earlier
    return _shifted(date, unit, -count)


def _resolve(
    hit: Hit,
    clause: list[Token],
    sent: Span,
    index: DocIndex,
    previous: DateValue | None,
    reported: bool,
    anchor: DateValue | None,
) -> DateValue | None:
    """``resolve_date``'s chain of rules, before a time the event came before is taken off."""
    published = index.ctx.document.published
    for rule, tokens in (("clause", clause), ("sentence", sent)):
        found = _nearest(hit, tokens, index, published or anchor)
        if isinstance(found, DateValue):
            if _dates_the_report(found, sent, index):
                return _report_day(found)
            first = _span_start(found, tokens, index)
            if first is not None:
                return _first_day(first, f"event:{rule}")
            return dataclasses.replace(found, rule=f"event:{rule}")
        if found is not None:
            if anchor is None:
                return None
            return shift_period(anchor, found.unit, found.offset, "event:relative")
    if previous is not None and not _background(previous, published):
        return dataclasses.replace(previous, rule="event:narrative")
    if published is not None:
        return _widened(published, "week" if reported else "month", "event:publication")
    if anchor is not None:
        return _widened(anchor, "week" if reported else "month", "event:anchor")
    return None


BACKGROUND_DAYS = 31
_BEFORE_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week"}


def _time_before(hit: Hit, sent: Span, index: DocIndex) -> tuple[str, int] | None:
    """How long before the sentence's own time the trigger happened, when it is told in a
    clause that counts back from it: "The attack on the hospital comes two days after Russian
    jets hit a UN-Syrian Red Crescent aid convoy" (the convoy: two days before the attack),
    "came a day after the Damascus suburb of Daraya was evacuated", "the shelling comes a day
    after the fall of Yabrud". ``None`` when the clause dates itself ("after a deadly airstrike
    on Monday"), or counts vaguely ("just days after").

    The count hangs off "after" or off the verb "after" introduces (spaCy attaches "two days"
    to either)."""
    for after in sent:
        if after.lower_ != "after" or after.dep_ not in ("mark", "prep"):
            continue
        scope = after.head if after.dep_ == "mark" else after
        if scope.i == hit.token.i and after.dep_ == "prep":
            continue
        inside = [t for t in scope.subtree if t.i != after.i]
        if hit.token.i not in {t.i for t in inside}:
            continue
        for holder in (after, after.head):
            for unit in holder.children:
                if unit.dep_ != "npadvmod" or unit.lower_ not in _BEFORE_UNITS:
                    continue
                count = _unit_count(unit)
                own = [t for t in inside if t.i not in {u.i for u in unit.subtree}]
                if count is None or index.mentions_in(own, "date"):
                    return None
                return _BEFORE_UNITS[unit.lower_], count
        return None
    return None


def _unit_count(unit: Token) -> int | None:
    """The count of "two days", "a day", "one week"; ``None`` for "days", "several days"."""
    for child in unit.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an"):
            return 1
        if child.dep_ == "nummod":
            value = parse_count(child.text)
            return int(value) if value is not None and value == int(value) and value > 0 else None
    return None


def _shifted(value: DateValue, unit: str, count: int) -> DateValue:
    """``value`` moved ``count`` days or weeks, keeping its precision; a month or a year is
    kept whole (a day or a week before it mostly lies inside it)."""
    if value.precision not in ("day", "week"):
        return value
    def moved(iso: str) -> str:
        return (date.fromisoformat(iso) + timedelta(days=count * (7 if unit == "week" else 1))
                ).isoformat()

    try:
        return DateValue(moved(value.value), value.precision, moved(value.start),
                         moved(value.end), "event:before")
    except OverflowError:  # "comes 1,000,000 days after": hostile text, no date to move to
        return value


def _background(previous: DateValue, published: DateValue | None) -> bool:
    """Whether the paragraph's last date is a background month or year ("in 2012", "in May
    2015") that ended well before the report: the next sentence that names no time goes back
    to the news (GUIDE: an event told as news without a time word is dated on publication),
    it does not carry the history's date."""
    if published is None or previous.precision not in ("month", "year"):
        return False
    gap = date.fromisoformat(published.start) - date.fromisoformat(previous.end)
    return gap.days > BACKGROUND_DAYS


# Nouns that make an opening "In the ... of X" a place: "In the northern province of Raqa",
# "In the east of Damascus", "In Aleppo's Qaryat al-Ansari neighborhood".
_OPENING_PLACE_NOUNS = frozenset({"province", "governorate", "countryside", "city", "capital",
                                  "town", "village", "region", "area", "district", "neighbourhood",
                                  "neighborhood", "suburbs", "outskirts", "north", "south", "east",
                                  "west", "northeast", "northwest", "southeast", "southwest"})


def opening_place(sent: Span, index: DocIndex) -> TokenMention | None:
    """The place the sentence opens on, if it opens on one of its own: "In Damascus, a
    mortar hit the central Umayyad square", "In Deir Ezzor the army's air force targeted
    ...", "In the northern province of Raqa two suicide bombers exploded". A round-up tells its
    fronts one by one this way, and the day told for the front before ("On Monday ... in
    Aleppo") is not this front's: the gold dates such a sentence as news (the publication
    week). Not an opening "In" that names no place ("In the morning", "In a statement",
    "In the provinces west"), nor an occurrence that merely happened at one ("In an air
    strike on Douma": its noun is no place)."""
    first = sent[0]
    if first.lower_ != "in":  # a preposition, however parsed ("In the southern Daraa
        return None  # province an army unit ...": parsed as the root)
    objects = [c for c in first.children if c.dep_ == "pobj"]
    if not objects:
        return None
    obj = objects[0]
    places = index.mentions_in(list(obj.subtree), "place")
    for tm in places:
        if tm.start <= obj.i < tm.end:
            return tm
    if places and (obj.lemma_.lower() in _OPENING_PLACE_NOUNS
                   or obj.lower_ in _OPENING_PLACE_NOUNS):
        return places[0]
    return None


def carries_on(value: DateValue, published: DateValue | None) -> bool:
    """Whether an event's own date goes on dating the sentences after it that name no time
    (the paragraph's narrative date): not one that ended before the publication week. A
    background day, month or year told mid-report ("On February 22 rockets hit a health
    facility in Idlib") is that event's alone; the next sentence with no time word
    ("Battles continued in Hama") is the report's news again, dated by the news told before
    it or, failing that, on publication (GUIDE: an event told as news without a time word).
    FA-KES articles are one paragraph, so a background day would otherwise date every
    later sentence."""
    if published is None:
        return True
    gap = date.fromisoformat(published.start) - date.fromisoformat(value.end)
    return gap.days <= PUBLICATION_WEEK_DAYS


def _dates_the_report(value: DateValue, sent: Span, index: DocIndex) -> bool:
    """Whether the sentence's date is the day a source spoke ("the monitor said Friday that
    ..."), not the event's: its word hangs off a speech verb."""
    for tm in index.mentions_in(sent, "date"):
        if tm.mention.value is value:
            return _on_speech_verb(tm.root)
    return False


_SPAN_OPENERS = frozenset({"since", "between", "by"})


def _span_start(value: DateValue, tokens: Span | list[Token], index: DocIndex
                ) -> DateValue | None:
    """The first day of several the event ran over, when its day opens or belongs to such a
    span: "killed in the raids since Thursday", "fighting between Tuesday and Wednesday",
    "strikes on Friday and Saturday", "on December 11 and 12"; or when it closes one ("by
    Friday ... had been recaptured": on or before that day, so no day of its own);
    ``None`` for a day of its own."""
    if value.precision != "day":
        return None
    if value.start != value.end:
        return value
    for tm in index.mentions_in(tokens, "date"):
        if tm.mention.value is not value:
            continue
        root = tm.root
        if root.dep_ == "conj":
            head = index.mentions_in([root.head], "date")
            if head and isinstance(head[0].mention.value, DateValue):
                return head[0].mention.value
        if root.dep_ == "pobj" and root.head.lower_ in _SPAN_OPENERS and (
                root.head.lower_ != "between" or _dated_conjunct(root, index)):
            return value  # "between 10 and 12 February" names only its last day: no start
        if _dated_conjunct(root, index):
            return value
        return None
    return None


def _dated_conjunct(root: Token, index: DocIndex) -> bool:
    """Whether a date word has a conjunct that is a date too ("Tuesday and Wednesday")."""
    return any(c.dep_ == "conj" and index.mentions_in([c], "date") for c in root.children)


def _first_day(value: DateValue, rule: str) -> DateValue:
    """A span's first day as the event's date, at week precision (gold/GUIDE.md, Dates: an
    occurrence straddling two days, or a toll summed over days, is dated on its first day,
    ``week``). The interval stays that day: widening it to the days after would let the
    merge fold a day's own telling at the place into the span's toll."""
    return DateValue(value.start, "week", value.start, value.start, rule)


def _on_speech_verb(token: Token) -> bool:
    """Whether a date's word hangs off a speech verb ("a monitor said Sunday")."""
    speech = lexicon().cues.get("speech_verb", frozenset())
    head = token.head
    while head.dep_ in ("prep", "npadvmod", "pobj") and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() in speech or head.lower_ in speech


def _report_day(value: DateValue) -> DateValue:
    """The day of a report, as the date of the event it reports: that day, at week
    precision (gold/GUIDE.md: "a strike reported on Friday with no day of its own")."""
    if value.precision != "day":
        return dataclasses.replace(value, rule="event:report-day")
    day = date.fromisoformat(value.start)
    start = day - timedelta(days=PUBLICATION_WEEK_DAYS)
    return DateValue(value.value, "week", start.isoformat(), value.end, "event:report-day")


def text_anchor(index: DocIndex) -> DateValue | None:
    """The latest explicit full date of the body, for a text without a publication date.

    Absolute day dates only ("12 December 2016", the annotator's ``date.full``
    rule): never a date resolved against another one. ``None`` when the text
    has a publication date or no such date.
    """
    if index.ctx.document.published is not None:
        return None
    full = [tm.mention.value for tm in index.by_kind.get("date", ())
            if isinstance(tm.mention.value, DateValue) and tm.mention.value.precision == "day"
            and tm.mention.value.rule.startswith("date.full") and "@" not in tm.mention.value.rule
            and index.region(tm.root) == "body"]
    return max(full, key=lambda v: v.end, default=None)


def writing_month(latest: DateValue) -> DateValue:
    """The month of the text's latest full date, whole: the event may follow that date."""
    day = date.fromisoformat(latest.start)
    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return DateValue(first.isoformat()[:7], "month", first.isoformat(), last.isoformat(),
                     "event:text-anchor")


def pending_relative(hit: Hit, clause: list[Token], sent: Span,
                     index: DocIndex) -> TokenRelative | None:
    """The unresolved relative expression that ``resolve_date`` would date the event by, if any."""
    for tokens in (clause, sent):
        found = _nearest(hit, tokens, index, index.ctx.document.published)
        if found is not None:
            return found if isinstance(found, TokenRelative) else None
    return None


def is_explicit(value: DateValue | None) -> bool:
    """Whether the date was read off the event's own sentence (not inherited or defaulted)."""
    return value is not None and value.rule in ("event:clause", "event:sentence",
                                                "event:report-day")


def _nearest(hit: Hit, tokens: Span | list[Token], index: DocIndex,
             bound: DateValue | None) -> DateValue | TokenRelative | None:
    """The date mention or unresolved relative expression among ``tokens`` nearest the trigger."""
    found: list[tuple[int, DateValue | TokenRelative]] = [
        (tm.root.i, tm.mention.value) for tm in index.mentions_in(tokens, "date")
        if tm.root.i not in index.cited and isinstance(tm.mention.value, DateValue)
        and (bound is None or tm.mention.value.start <= bound.end)
        and not _in_other_description(tm.root, hit)
    ]
    found += [(r.root.i, r) for r in index.relatives_in(tokens) if r.root.i not in index.cited
              and not _in_other_description(r.root, hit)]
    if not found:
        return None
    # the day a source spoke dates the event only where nothing else does ("killed in the past
    # 24 hours in clashes and air strikes in Kobani, a monitor said Sunday")
    doc = hit.token.doc
    return min(found, key=lambda f: (_on_speech_verb(doc[f[0]]), abs(f[0] - hit.token.i)))[1]


def _widened(published: DateValue, precision: str, rule: str) -> DateValue:
    if published.precision != "day":
        return dataclasses.replace(published, rule=rule)
    day = date.fromisoformat(published.start)
    end = date.fromisoformat(published.end)
    if precision == "week":
        start = day - timedelta(days=PUBLICATION_WEEK_DAYS)
        return DateValue(published.value, "week", start.isoformat(), end.isoformat(), rule)
    first = day.replace(day=1)
    return DateValue(first.isoformat()[:7], "month", first.isoformat(), end.isoformat(), rule)


_DESCRIBING_DEPS = frozenset({"relcl"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})  # "which", "who", "whose", "where"


def _in_other_description(token: Token, hit: Hit) -> bool:
    """Whether the date dates a relative clause the trigger is not in: "In Slavyansk, which
    the army entered a week ago, the SBU has detained dozens": "a week ago" is the entry's."""
    for t in ancestors_in_sentence(token):
        if t.dep_ in _DESCRIBING_DEPS:
            inside = {u.i for u in t.subtree}
            return hit.token.i not in inside and any(
                u.tag_ in _WH_TAGS for u in t.subtree if u.i < t.i)
    return False
