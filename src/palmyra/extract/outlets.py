"""Find the publications a document names, so quotes and citations credit them by one name.

Three ways of naming an outlet are recognised, in this order of trust:

1. a name or alias from the profile's outlets ("Reuters", "LA Times");
2. a proper name that reads as a publication without the profile: "the" + capitalised
   words ending in a newspaper word ("the *Los Angeles Times*", "The Independent"), or
   proper nouns followed by an outlet noun ("Foreign Policy magazine"), or written right
   after one ("Danish broadcaster TV2"), a numbered channel ("Channel 10"); never a
   social network ("his Telegram channel");
3. a reference back to an outlet named earlier: "the paper", "the magazine", "the
   article", or "the Times" for the last outlet whose name ends in "Times" (gold 002).

Profile names match case-insensitively, except acronyms ("RT") and one-word names
("Sputnik"), which must be written with their capitals so that "rt" or "independent"
never match. Matching is one regex pass plus a walk of the proper-noun tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from palmyra.annotate.countries import code_of
from palmyra.extract.lexicon import citation_cues
from palmyra.extract.outlet_spelling import respelt
from palmyra.extract.positions import within
from palmyra.model import Outlet
from palmyra.profiles import is_acronym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ARTICLES = frozenset({"al", "el"})  # "al-Hadas News"
_EMPHASIS = "*_"  # markdown emphasis around titles ("the *Times*") is not part of a name
_APOSTROPHE = re.compile(r"['’]")
# "the paper", "the same article"; not "this article", which is the article itself.
_DETERMINERS = frozenset({"the", "that", "same"})
_BROADCAST = frozenset({"television", "tv", "radio", "news"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "\n", "\n\n", ":", "\""})
_DESCRIBED_REACH = 24  # characters either side of an outlet's name read for its description
# Outlet words that also name where something is ("the station", "the network of …")
_PLACE_NOUNS = frozenset({"station", "network", "channel", "outlet", "website"})


@dataclass(frozen=True)
class OutletMention:
    """An outlet named at cleaned offsets ``[start, end)``, by its profile name when it has one."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _ProfileNames:
    pattern: re.Pattern[str] | None  # every name and alias, longest first
    canonical: dict[str, str]  # folded form -> profile name
    forms: dict[str, list[str]]  # folded form -> the forms as the profile writes them
    # where ``pattern`` may match: a word that opens as some name does (``_name_starts``)
    starts: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``: the same matches, ``pattern`` tried only where
        ``starts`` matches. ``re`` tries an alternation branch by branch, so ``pattern``
        tried its few hundred names at every word of every document (most of ``Outlets``'
        cost, 1.1% of a whole ``analyze`` job); ``starts`` reads a name's first few
        characters as ``pattern`` does (the same literals, flags and lookbehind), so no
        position where a name matches is skipped."""
        if self.pattern is None:
            return
        if self.starts is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (start := self.starts.search(text, pos)) is not None:
            found = self.pattern.match(text, start.start())  # its lookbehind sees before
            if found is None:
                pos = start.start() + 1
                continue
            yield found
            pos = found.end()  # as finditer: the next search starts where a match ended


@cache
def _profile_names(outlets: tuple[Outlet, ...]) -> _ProfileNames:
    """The profile's outlet names compiled once per outlet list (profiles are long-lived)."""
    canonical: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    for outlet in outlets:
        for name in (outlet.name, *outlet.aliases):
            canonical.setdefault(_fold(name), outlet.name)
            forms.setdefault(_fold(name), []).append(name)
    if not canonical:
        return _ProfileNames(None, canonical, forms)
    written = sorted({n for o in outlets for n in (o.name, *o.aliases)}, key=len, reverse=True)
    alternatives = [_APOSTROPHE.sub("['’]", re.escape(f)) for f in written]
    # FA-KES lost the apostrophes: "SANAs correspondent", "Al-Manars correspondent"; a
    # bare "s" after a name counts where the name cannot end in it (``_possessive``)
    pattern = re.compile(
        r"(?<![\w-])(?P<name>(?i:" + "|".join(alternatives) + r"))(?P<s>s(?= ))?(?![\w-])"
    )
    return _ProfileNames(pattern, canonical, forms, _name_starts(written))


# How many of a name's first characters ``_name_starts`` reads: enough that few words of a
# text open as some name does
_START_CHARS = 4


def _name_starts(written: list[str]) -> re.Pattern[str] | None:
    """Where a name of ``written`` may begin: its first ``_START_CHARS`` characters (a
    shorter name's all), escaped and with apostrophes widened as in ``_profile_names``'
    pattern, grouped by the first so that a word is tried against a few dozen branches."""
    if any(not name for name in written):
        return None  # an empty name matches anywhere
    rests: dict[str, set[str]] = {}
    for name in written:
        rests.setdefault(name[0], set()).add(name[1:_START_CHARS])
    branches = []
    for first, rest in sorted(rests.items()):
        lead = _APOSTROPHE.sub("['’]", re.escape(first))
        if "" in rest:  # a one-character name: its first character is enough
            branches.append(lead)
            continue
        alternatives = sorted(_APOSTROPHE.sub("['’]", re.escape(r)) for r in rest)
        branches.append(lead + "(?:" + "|".join(alternatives) + ")")
    return re.compile(r"(?<![\w-])(?i:" + "|".join(branches) + ")")


def _fold(name: str) -> str:
    return _APOSTROPHE.sub("'", " ".join(name.split())).casefold()


def _written_as_name(found: str, forms: Iterable[str]) -> bool:
    """Acronyms and one-word names count only when written with the profile's capitals; a
    longer name needs a capital somewhere ("the EU's foreign policy chief" names no
    *Foreign Policy*), unless the profile itself writes it in lower case ("state TV")."""
    if " " in found:
        return found != found.lower() or any(form[:1].islower() for form in forms)
    return any(
        found == form or (not is_acronym(form) and _capitalised(found)) for form in forms
    )


def _capitalised(word: str) -> bool:
    """A capital first letter, or after the Arabic article written in lower case: FA-KES
    and wire copy write "al-Manar" and "al-Watan" as often as "Al-Manar"."""
    return word[:1].isupper() or word[:3].lower() in ("al-", "el-") and word[3:4].isupper()


class Outlets:
    """The outlet mentions of one document, in text order, with back-reference lookup."""

    def __init__(self, doc: Doc, outlets: Sequence[Outlet] = ()) -> None:
        self.doc = doc
        names = _profile_names(tuple(outlets))
        self._canonical = names.canonical
        named = _named(doc, names)
        self.mentions: list[OutletMention] = []
        self._starts: list[int] = []
        for m in sorted(named, key=lambda m: m.start):
            if " " not in m.name.removeprefix("The "):
                # "the Times" after "the Los Angeles Times" is that paper again (gold 002)
                earlier = self.before(m.start, m.name.removeprefix("The "))
                m = replace(m, name=earlier.name) if earlier else m
            self.mentions.append(m)
            self._starts.append(m.start)

    def canonical(self, name: str) -> str | None:
        """The profile's name for an outlet name as written ("the *LA Times*"), else ``None``."""
        name = name.replace("*", "").strip()
        return self._canonical.get(_fold(name)) or self._canonical.get(
            _fold(name.removeprefix("the ").removeprefix("The "))
        )

    def at(self, start: int, end: int) -> OutletMention | None:
        """The named outlet overlapping ``[start, end)``, if any."""
        i = bisect_left(self._starts, end)
        for m in reversed(self.mentions[max(0, i - 3) : i]):
            if m.end > start:
                return m
        return None

    def before(self, pos: int, last_word: str | None = None) -> OutletMention | None:
        """The last outlet named before ``pos`` (whose name ends in ``last_word`` if given)."""
        for m in reversed(self.mentions[: bisect_left(self._starts, pos)]):
            if last_word is None or m.name.split()[-1].strip(_EMPHASIS) == last_word:
                return m
        return None

    def referred(self, head: Token) -> OutletMention | None:
        """The earlier outlet that "the paper" or "the article" stands for."""
        cues = citation_cues()
        if head.lower_ not in cues["noun"] | cues["piece"]:
            return None
        if not any(c.lower_ in _DETERMINERS for c in head.lefts if c.dep_ in ("det", "amod")):
            return None
        if head.text[:1].isupper() and head.i > 0 and head.nbor(-1).text not in _SENTENCE_ENDS:
            return None  # "the UN World Food Programme": a word of a name, not "the programme"
        if any(c.dep_ == "compound" and _is_proper(c) for c in head.lefts):
            return None  # "the Al Masdar media outlet" names its own outlet
        after = self.at(head.idx + len(head.text), head.idx + len(head.text) + 2)
        if after is not None and after.start > head.idx:
            return after  # "the state news agency SUNA": the name written after the noun
        return self._described_as(head) or self.before(head.idx)

    def _described_as(self, noun: Token) -> OutletMention | None:
        """The last earlier outlet that the text itself called by ``noun``: "the Lebanese
        Al-Manar TV channel reported …" and then "the TV channel reported" is Al-Manar,
        though an agency was named between (in a photo credit)."""
        text = self.doc.text
        for m in reversed(self.mentions[: bisect_left(self._starts, noun.idx)]):
            beside = text[m.end : m.end + _DESCRIBED_REACH].split()[:2]
            beside += text[max(0, m.start - _DESCRIBED_REACH) : m.start].split()[-2:]
            if noun.lower_ in (w.strip(".,;:'\"()").casefold() for w in beside):
                return m
        return None


# The last document's named outlets: quotes and citations each read the outlets of the same
# parsed document, and the names' regex over its text costs more than the rest of ``Outlets``.
_LAST: list[tuple[Doc, _ProfileNames, tuple[OutletMention, ...]]] = []


def _named(doc: Doc, names: _ProfileNames) -> list[OutletMention]:
    """The profile's names found in ``doc``, then the generic names outside them."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is doc and last[1] is names:
        return list(last[2])
    named = _profile_mentions(doc, doc.text, names)
    taken = [(m.start, m.end) for m in named]
    named += [
        _respelt(m, names)
        for m in _generic_mentions(doc)
        if not (within(taken, m.start) or within(taken, m.end - 1))
    ]
    _LAST[:] = [(doc, names, tuple(named))]
    return named


def _respelt(mention: OutletMention, names: _ProfileNames) -> OutletMention:
    """A name found without the profile that misspells a profile name ("Ananolu Agency"),
    under the profile's name (``outlet_spelling``); else the mention as found."""
    key = respelt(_fold(mention.name), names.canonical.keys())
    return replace(mention, name=names.canonical[key]) if key is not None else mention


def _profile_mentions(doc: Doc, text: str, names: _ProfileNames) -> list[OutletMention]:
    if names.pattern is None:
        return []
    out = []
    for m in names.finditer(text):
        found = m.group("name")
        key = _fold(found)
        if m.group("s") and not _possessive(found):
            continue
        canonical = names.canonical[key]
        if _written_as_name(found, names.forms[key]) and (
                _proper_at(doc, m.start(), m.end()) or _own_lower_case(found, canonical)):
            out.append(OutletMention(m.start(), m.end(), canonical))
    return out


def _possessive(found: str) -> bool:
    """Whether a name written with a bare "s" after it reads as its possessive with the
    apostrophe lost: an acronym ("SANAs") or a name of several words ("Al-Manars"), never
    a one-word name that is also a word ("Independents", "Guardians")."""
    return is_acronym(found) or (
        any(c in found for c in " -") and found.split()[-1][:1].isupper()
    )


def _own_lower_case(found: str, canonical: str) -> bool:
    """A name the outlet itself writes in lower case, as the profile's name does ("told
    dpa"): the tagger reads it as a common noun, but it names no common thing. Lower-case
    aliases (the data set's source codes, "manar") do not count."""
    return found == canonical and found.islower()


def _proper_at(doc: Doc, start: int, end: int) -> bool:
    """A one-word name must be tagged a proper noun: "Independent monitors" is no newspaper."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or len(span) > 1 or span[0].pos_ == "PROPN" or is_acronym(span.text)


def _generic_mentions(doc: Doc) -> list[OutletMention]:
    """Publications that read as such without the profile (rule 2 of the module docstring).

    Besides "Foreign Policy magazine", a proper name written right after a word for an
    outlet is one ("Danish broadcaster TV2", "the television station Al-Manar"); and
    where the outlet word is written with capitals, it is part of the name ("the
    Assyrian International News Agency"). Social networks are not publications ("his
    Telegram channel").
    """
    cues = citation_cues()
    out = []
    for token in doc:
        name = None
        if token.text in cues["name_end"] and _is_proper(token):
            name = _name_ending_at(token)
        elif token.lower_ in cues["noun"] and _numbered(token):
            nxt = doc[token.i + 1]  # "Channel 10", "Radio 4"
            name = OutletMention(token.idx, nxt.idx + len(nxt.text), f"{token.text} {nxt.text}")
        elif token.lower_ in cues["noun"] and _names_a_body(token):
            name = None  # "the Syrian Network for Human Rights" is no outlet
        elif token.lower_ in cues["noun"] and token.i > 0:
            before = doc[token.i - 1]
            if f"{before.lower_} {token.lower_}" in cues["noun"] and token.i > 1:
                before = doc[token.i - 2]  # "Interfax news agency"
            name = _proper_run(before) if _is_proper(before) else None
            if name is not None and token.lower_ == "agency" and _body_acronym(name.name):
                name = None  # "the U.N. agency", "the EU agency": a body's agency
            if name is not None and _is_proper(token) and token.text[:1].isupper():
                name = replace(name, end=token.idx + len(token.text),  # "… News Agency"
                               name=doc.text[name.start : token.idx + len(token.text)])
        if name is None and not token.text[:1].isupper() and (
                token.lower_ in cues["noun"] or _broadcast_station(token)):
            name = _proper_after(token)
        if name and token.lower_ == "agency" and _a_bodys_agency(token):
            name = None  # "the UN childrens agency UNICEF", "the UN aid agency OCHA"
        if name and not _platform(name.name):
            out.append(name)
    return out


_BODIES = frozenset({"un", "u.n.", "eu", "e.u.", "nations", "united"})
_AGENCY_REACH = 4  # words before "agency" read for the body it belongs to


def _a_bodys_agency(agency: Token) -> bool:
    """An "agency" of the UN or the EU ("the UN childrens agency", "the UN humanitarian
    aid agency"), named with the body's short name among the words before it, is no news
    agency."""
    doc = agency.doc
    for t in reversed(doc[max(0, agency.i - _AGENCY_REACH) : agency.i]):
        if t.is_punct or t.lower_ in ("the", "a", "an"):
            return False
        if t.lower_ in _BODIES:
            return True
    return False


def _body_acronym(name: str) -> bool:
    """A short acronym written with dots ("U.N.", "U.S."): an international body or a
    country, whose "agency" is no news agency."""
    return "." in name and len(name.replace(".", "")) <= 3 and name.replace(".", "").isupper()


def _numbered(noun: Token) -> bool:
    """A capitalised outlet word with its number: "Channel 10"."""
    doc = noun.doc
    return (noun.text[:1].isupper() and noun.i + 1 < len(doc)
            and doc[noun.i + 1].like_num and doc[noun.i + 1].text.isdigit())


def _names_a_body(noun: Token) -> bool:
    """A capitalised outlet word that goes on with "for"/"of" and a name: an organisation
    ("the Syrian Network for Human Rights"), not a publication."""
    doc = noun.doc
    return (noun.text[:1].isupper() and noun.i + 2 < len(doc)
            and doc[noun.i + 1].lower_ in ("for", "of") and doc[noun.i + 2].text[:1].isupper())


def _broadcast_station(noun: Token) -> bool:
    """"television station", "radio station": a station that broadcasts, not a railway's."""
    return noun.lower_ == "station" and noun.i > 0 and noun.nbor(-1).lower_ in _BROADCAST


def _platform(name: str) -> bool:
    """A social network or messaging service named like an outlet ("Telegram channel")."""
    return name.casefold().removeprefix("the ").strip() in citation_cues()["platform"]


def _name_like(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common noun that reads
    as a name by its letters ("TV2", "NTV")."""
    text = token.text
    return _is_proper(token) or (
        text[:1].isupper() and len(text) > 1
        and (any(c.isdigit() for c in text) or text.isupper()))


def _proper_after(noun: Token) -> OutletMention | None:
    """The proper name written right after a word for an outlet: "broadcaster TV2",
    "station Al-Manar" (at most four words, a hyphenated name whole)."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or not _name_like(doc[noun.i + 1]):
        return None
    first = last = doc[noun.i + 1]
    while last.i + 1 < len(doc) and last.i - first.i < 3:
        nxt = doc[last.i + 1]
        if nxt.tag_ == "HYPH" and nxt.i + 1 < len(doc) and _is_proper(doc[nxt.i + 1]):
            last = doc[nxt.i + 1]
        elif _is_proper(nxt) and nxt.ent_type_ not in ("GPE", "DATE"):
            last = nxt
        else:
            break
    if first.i == last.i and (first.ent_type_ in ("NORP", "DATE") or first.ent_type_ == "GPE"
                              and (code_of(first.text) or noun.lower_ in _PLACE_NOUNS)):
        # "the daily Haberturk" is a paper the tagger took for a place; "broadcaster
        # Syria", "the station Aleppo" are no names of outlets
        return None
    return OutletMention(first.idx, last.idx + len(last.text), doc[first.i : last.i + 1].text)


def _is_proper(token: Token) -> bool:
    return token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()


def _proper_run(last: Token) -> OutletMention | None:
    """The run of proper nouns ending at ``last`` ("Foreign Policy" before "magazine")."""
    first = last
    while first.i > 0 and last.i - first.i < 4:
        before = first.nbor(-1)
        if before.tag_ == "HYPH" and before.i > 0 and _is_proper(before.nbor(-1)):
            first = before.nbor(-1)  # "Al-Watan"
        elif _is_proper(before):
            first = before
        else:
            break
    if first.ent_type_ in ("NORP", "GPE") and first.i == last.i:
        return None  # "Russian news agency", "Syria channel": a nationality, not a name
    return OutletMention(
        first.idx, last.idx + len(last.text), first.doc[first.i : last.i + 1].text
    )


def _name_ending_at(last: Token) -> OutletMention | None:
    """"the" + capitalised words ending in a newspaper word ("the Los Angeles Times").

    A single word ("The Independent", "the Times") is named "The X" here; the
    constructor turns it into an earlier outlet whose name ends in that word.
    """
    doc = last.doc
    if last.i + 1 < len(doc) and _is_proper(doc[last.i + 1]):
        return None  # "the Independent Commission" goes on: not a newspaper name
    first = last
    while first.i > 0 and last.i - first.i < 5 and _name_word(doc[first.i - 1]):
        first = doc[first.i - 1]
    before = doc[first.i - 1] if first.i > 0 else None
    while before is not None and before.text in _EMPHASIS and before.i > 0:
        before = doc[before.i - 1]
    before = _before_hyphenated(before)
    if before is None or before.lower_ != "the":
        return None
    words = [t.text_with_ws for t in doc[first.i : last.i + 1] if t.text not in _EMPHASIS]
    name = "".join(words).strip()
    return OutletMention(
        first.idx, last.idx + len(last.text), name if first.i != last.i else f"The {name}"
    )


def _name_word(token: Token) -> bool:
    """A word that can sit inside a newspaper's name: capitalised, the "’s" of "People’s",
    or the article of an Arabic name joined by its hyphen ("al-Hadas News")."""
    doc = token.doc
    return token.tag_ == "POS" or (
        token.lower_ != "the" and token.text.strip(_EMPHASIS)[:1].isupper()
    ) or (token.text == "-" and 0 < token.i < len(doc) - 1
          and doc[token.i - 1].lower_ in _ARTICLES and doc[token.i + 1].text[:1].isupper()
          ) or (token.lower_ in _ARTICLES and token.i + 2 < len(doc)
                and doc[token.i + 1].text == "-" and doc[token.i + 2].text[:1].isupper())


def _before_hyphenated(word: Token | None) -> Token | None:
    """The word before a hyphenated description ahead of a name, which sits between "the"
    and it: "the activist-run Assi Press", "the Arabic-language al-Hadas News"."""
    if word is None or word.i < 3 or word.text[:1].isupper() or word.nbor(-1).text != "-":
        return word
    return word.nbor(-3)
