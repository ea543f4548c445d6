"""Find who a quotation is attributed to: the cue word and the head of the speaker phrase.

A quotation is tied to its speaker by the parse when it can be, by the words right
around its marks when the parse cannot (quotations over several sentences, odd
attachments), in this order:

1. ``parse``: from the quotation's head words up the dependency tree to a cue verb
   ("Russia “can help”, Kerry said"), or to a clause that carries a cue beside it
   ("as claimed by the Syrian military", "according to X", "the war, he said, is ...");
2. ``after``: a cue verb just after the closing mark ("…,” Dickerson asked");
3. ``before``: a cue verb just before the opening mark ("he added that “…");
4. ``colon``: the clause that ends in a colon before the opening mark ("Peskov put the
   record straight: “…”"), whose cue verb or subject is the speaker;
5. ``dash``: a name after a dash at the end of the line ("“…” — Sonya Herridge");
6. ``parenthesis``: a quotation that fills a parenthesis after a name or a response
   ("the obvious response from Lavrov (“I do not think …”)");
7. ``trailing``: a cue later in the sentence whose subject follows the quotation, the
   comma lost ("“…” UK-based Observatory chief Rami Abdel Rahman said"); not a relative
   clause on the noun phrase that holds the quotation ("the ‘plan B’ option Washington
   has warned of": what Washington warned of, not its words).

Clauses that only modify (relative clauses, participles, adverbial clauses) stop the
climb, so a scare quote inside "underscoring the fact that even the “peace” faction"
is not given to the speaker of the sentence (gold 002). A quotation inside the
subject of the cue is the speaker's name, not their words, unless the cue is passive
("the “Bravo for Assad” shouted by the Mayor", gold 004).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from palmyra.annotate.names import titles
from palmyra.extract.lexicon import speaker_nouns, speech_cues
from palmyra.extract.positions import Bounds
from palmyra.extract.quotes.naming import PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Clauses that modify rather than report: a climb through them leaves the cue's content.
_MODIFIER_CLAUSES = frozenset({"advcl", "relcl", "acl", "parataxis"})
# Cues whose object is the one quoted: "The People's Daily quoted him as follows: …".
_OBJECT_SPEAKER = frozenset({"quote"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
# Clauses that take their subject from the clause they hang on ("noting", "as saying").
_BORROWING = frozenset({"xcomp", "advcl", "conj", "ccomp", "acl", "pcomp"})
# "asked to comment on the ‘plan B’": what a speaker talks about is not what they say.
_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})
_SENTENCE_END = frozenset({".", "!", "?"})
_MAX_HOPS = 8
_MAX_CUES = 3  # cues kept from one climb, nearest first
_TRAILING_REACH = 25  # tokens after a quotation searched for a trailing "X said"
_WINDOW = 9  # tokens looked at beside the marks for rules 2 and 3
# Punctuation that ends a quotation followed by its attribution ("…,” he said"); a full
# stop does not: after "…end.” " a new sentence starts.
_CLAUSE_END = frozenset({",", "!", "?", "—", "–"})
_LINKS = frozenset({",", ":", "that", "—", "–"})
# Cues whose subject may follow them ("said X"), unlike "told X", whose object does.
_SAID_BY = frozenset({"say", "add", "write", "note", "explain", "claim", "state", "stress",
                      "warn", "insist", "continue", "declare", "announce"})
_NOT_NAMES = frozenset({"DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL"})
_PLACES = frozenset({"FAC"})
# What a speaker gives: "the response from Lavrov (“…”)", "his reply (“…”)"
_UTTERANCES = frozenset({"response", "reply", "answer", "retort", "rejoinder", "statement",
                         "remark", "comment", "warning", "message", "words", "word",
                         "reaction", "promise", "pledge", "claim", "denial", "verdict"})
_DASHES = frozenset({"—", "–", "―", "-", "--"})
_ASIDE_MARKS = frozenset({",", ";", "—", "–", "(", "--"})
# Verbs whose object is who is spoken to ("emailed supporters saying …")
_ADDRESSING = frozenset({"email", "tell", "address", "brief", "urge", "inform", "remind",
                         "assure", "thank", "text", "message", "write", "warn"})
# What a speaker puts out in writing or on video, and the verbs for putting it out
_DOCUMENT_NOUNS = frozenset({"statement", "video", "letter", "communique", "message",
                             "release", "post", "tweet", "recording", "note"})
_ISSUING = frozenset({"issue", "release", "publish", "post", "send", "put", "deliver", "sign",
                      "circulate", "distribute", "broadcast", "air", "tweet"})


@dataclass(frozen=True)
class Attribution:
    """The cue that ties a quotation to a speaker, the speaker phrase's head, and the rule."""

    cue: Token | None
    speaker: Token
    rule: str


@cache
def _single_and_phrasal() -> tuple[frozenset[str], frozenset[str]]:
    cues = speech_cues()
    return frozenset(c for c in cues if " " not in c), frozenset(c for c in cues if " " in c)


def is_cue(token: Token) -> bool:
    """A speech verb ("said", "noting", "pointed out", "praised … as") or "according to"."""
    single, phrasal = _single_and_phrasal()
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in single:
        return True
    return any(
        f"{lemma} {c.lower_}" in phrasal for c in token.children if c.dep_ in ("prt", "prep")
    )


def speaker_of(cue: Token, avoid: Callable[[Token], bool] = lambda t: False) -> Token | None:
    """Head of the phrase naming who speaks through ``cue``; ``None`` when it names no one.

    Args:
        cue: a cue token (see ``is_cue``).
        avoid: tokens that cannot be the speaker (those of the quotation itself).
    """
    if cue.lower_ == "according":
        to = next(c for c in cue.children if c.lower_ == "to")
        found = next((c for c in to.children if c.dep_ == "pobj" and not avoid(c)), None)
        return _possessed(found, avoid) if found is not None else None
    if cue.lemma_.lower() in _OBJECT_SPEAKER:
        # "X was quoted by AFP as saying": X speaks, the outlet only quotes
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and not avoid(obj):
            return obj
    agent = _agent(cue)
    if agent is not None:
        return None if avoid(agent) else agent
    return clause_subject(cue, avoid)


def _possessed(word: Token, avoid: Callable[[Token], bool]) -> Token:
    """The noun a possessor whose apostrophe the copy lost owns, where the parse made the
    possessor the head: in "according to Hezballahs official television station al-Manar"
    the station speaks, not Hezbollah (the namer reads the outlet named after "station")."""
    if word.pos_ != "PROPN" or not word.text.endswith("s") or word.text[-2:-1] in ("'", "’"):
        return word
    owned = next((c for c in word.children if c.dep_ == "appos" and c.left_edge.i == word.i + 1
                  and c.pos_ in ("NOUN", "PROPN") and not avoid(c)), None)
    return word if owned is None else owned


def clause_subject(verb: Token, avoid: Callable[[Token], bool] = lambda t: False) -> Token | None:
    """The active subject of ``verb``'s clause, borrowed from the governing clause if need be.

    A participle or infinitive ("noting", "adding that", "to tell") has no subject
    of its own; it takes the one of the verb it hangs on, or that verb's object for
    "leading him to tell" and "quoted a source as saying". A relative clause's "who"
    stands for the noun it modifies.
    """
    node = verb
    for _ in range(4):
        kids = list(node.children)
        subj = next((c for c in kids if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None and subj.pos_ in ("VERB", "AUX") and node.i > 0:
            # "Speaking to Syrian state TV Barazi said": the parse made the participle
            # the subject; the name written right before the verb is the speaker
            before = node.doc[node.i - 1]
            if before.pos_ in ("PROPN", "PRON", "NOUN") and not avoid(before):
                return before
        if subj is not None:
            if subj.tag_ in _RELATIVE_TAGS or subj.lower_ == "that":
                if node.dep_ != "relcl" or avoid(node.head):
                    return None
                return _issuer(node.head, avoid) or node.head  # "a video that said"
            return None if avoid(subj) else subj
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None:  # "he was quoted as saying" names him; "it is reported" no one
            quoted = node.lemma_.lower() in _OBJECT_SPEAKER and not avoid(passive)
            return passive if quoted else None
        if any(c.dep_ == "auxpass" for c in kids):
            return None  # "the city which used to be called “…”": called by no one named
        if node.dep_ == "acl" and node.tag_ == "VBG":  # not "the city, called “…”"
            head = node.head
            lemma = head.lemma_.lower()
            issuer = _issuer(head, avoid)  # "X issued a statement saying"
            if issuer is not None:
                return issuer
            person = lemma in speaker_nouns() or lemma in PERSON_NOUNS or lemma in titles()
            if head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj") and (
                    not person or head.dep_ == "dobj" and head.head.lemma_.lower() in _ADDRESSING):
                # "X condemned Russian strikes saying …": the participle goes with the
                # clause, the comma lost, not with the strikes; "X emailed supporters
                # saying …": nor with the people X addressed
                governor = head.head
                while governor.pos_ == "ADP" and governor.head.i != governor.i:
                    governor = governor.head
                if governor.pos_ in ("VERB", "AUX"):
                    node = governor
                    continue
            return None if avoid(head) else head  # "Rycroft, professing …"
        if node.dep_ == "acl" and node.tag_ == "VBN":
            return None  # "Homs, once dubbed the “capital”": dubbed by no one named
        if node.dep_ not in _BORROWING or node.head.i == node.i:
            return None
        reporter = _reporter_above(node)
        if reporter is not None and not avoid(reporter):
            node = reporter
            continue
        infinitive = node.dep_ == "xcomp"
        node = node.head
        while node.pos_ in ("NOUN", "PROPN", "ADP") and node.head.i != node.i:
            node = node.head  # "made an effort to sum up": the effort's verb has the subject
        obj = next((c for c in node.children if c.dep_ == "dobj"), None)
        quoting = node.lemma_.lower() in _OBJECT_SPEAKER  # "quoted a source as saying"
        # "X told AFP adding …": who is told is spoken to, not the one who adds
        addressed = node.lemma_.lower() in _ADDRESSING
        if obj is not None and not avoid(obj) and not addressed and (
            quoting or infinitive and obj.pos_ in ("PRON", "PROPN")
        ):
            return obj
    return None


def _reporter_above(participle: Token) -> Token | None:
    """The cue whose report holds the clause a speech participle set off by a comma hangs
    on: in "Lavrov suggested that Ankara was trying to use Washington …, citing Ankara’s
    “improper relationships”" the parse hangs "citing" on "trying", but the one who cites
    is the one who suggests, not the subject of the reported clause; ``None`` when the
    participle has no comma before it or its clause is no cue's report."""
    doc = participle.doc
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.i == 0 or (
            doc[participle.i - 1].text != ","):
        return None
    node = participle.head
    for _ in range(_MAX_HOPS):
        if node.head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
        if node.dep_ == "ccomp" and is_cue(node.head):
            return node.head
        node = node.head
    return None


def _issuer(noun: Token, avoid: Callable[[Token], bool]) -> Token | None:
    """Who put out the statement, video or letter that speaks: "the ministry issued a
    statement saying …", "Trump released a video that said …" are the ministry's and
    Trump's words, not an unnamed statement's."""
    if noun.lemma_.lower() not in _DOCUMENT_NOUNS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.lemma_.lower() not in _ISSUING:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or avoid(subj) or subj.tag_ in _RELATIVE_TAGS or subj.lower_ == "that":
        return None
    return subj


def _agent(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


class Attributor:
    """Attributes the quotations of one parsed document.

    Args:
        same_context: ``same_context(token, quote_index)`` is true when a token is
            outside every quotation except the ones enclosing that quotation, so
            that a cue inside another quotation is never used.
        bounds: the document's sentence bounds (``positions.sentence_bounds``).
    """

    def __init__(self, same_context: Callable[[Token, int], bool], bounds: Bounds) -> None:
        self.same_context = same_context
        self.bounds = bounds

    def attribute(self, inner: Span, index: int) -> Attribution | None:
        """The attribution of the quotation whose text is ``inner``, or ``None``."""
        return next(iter(self.attributions(inner, index)), None)

    def attributions(self, inner: Span, index: int) -> list[Attribution]:
        """The attributions of a quotation, best first: the nearest cue the parse reaches,
        then the cues above it ("The Observatory said the fighting was continuing and
        reported “…”": a parse that conjoins "reported" with the reported clause gives
        it the wrong subject, and the caller goes on to "said" when that one names no
        speaker), then the one the words around the marks give."""
        inside = set(range(inner.start, inner.end))

        def avoid(t: Token) -> bool:
            return t.i in inside or not self.same_context(t, index)

        def usable(t: Token) -> bool:
            return t.i not in inside and self.same_context(t, index) and is_cue(t)

        heads = [t for t in inner if t.head.i not in inside or t.head.i == t.i]
        climbs = [c for t in heads if t.dep_ != "punct" and (c := self._climb(t, avoid, usable))]
        out: list[Attribution] = []
        if climbs:  # each climb ends on a cue
            out = min(climbs, key=lambda c: _distance(c[0].cue, inner))  # type: ignore[arg-type]
        near = (
            self._after(inner, avoid, usable)
            or self._before(inner, avoid, usable)
            or self._colon(inner, avoid, usable)
            or _dash(inner, avoid)
            or _parenthesis(inner, avoid)
        )
        more = [near] if near is not None else self._trailing(inner, index, avoid, usable)
        out += [a for a in more if all(a.speaker.i != b.speaker.i for b in out)]
        return [a for a in out if not _next_paragraph(inner, a.cue)]

    def _climb(self, head: Token, avoid, usable) -> list[Attribution]:
        """Rule 1. An active verb that casts something "as “…”" ("praised Putin as a
        “strong leader”") is the cue only when no speech verb is found higher up ("use
        Palmyra as a “launchpad”, a general said"); "a unit known as ‘Isis Hunters’"
        names a label, not anyone's words. The cues met on the way up are kept, nearest
        first (``attributions``)."""
        node, casting = head, None
        found: list[Attribution] = []
        modified = False  # the climb went up through a clause that only modifies
        for _ in range(_MAX_HOPS):
            beside = _cue_beside(node, avoid, usable) if not modified else None
            if beside is not None:
                found.append(beside)
            parent = node.head
            if parent.i == node.i:
                break
            if not avoid(node) and _stops_climb(node, usable):
                if found or node.dep_ not in _MODIFIER_CLAUSES:
                    break
                modified = True
            if casting is not None and casting[0].i == node.i and _own_clause(node, avoid):
                break  # "Damascus has claimed … but rebels dismissed the offer as “trickery”"
            if usable(parent):
                if modified and not _content_holds(node, head, avoid):
                    break  # "X said, underscoring that the “peace” faction": not X's words
                through = _through(parent, node, avoid)
                if through is None:
                    break
                found.append(through)
                if len(found) >= _MAX_CUES:
                    break
            elif casting is None and not found and not modified and node.lower_ == "as" and (
                    _active(parent)):
                casting = (parent, node)
            node = parent
        if not found and casting:
            through = _through(*casting, avoid)
            return [through] if through is not None else []
        return found

    def _after(self, inner: Span, avoid, usable) -> Attribution | None:
        """Rule 2, for a quotation that ends a clause ("…,” Dickerson asked") or that a
        passive cue follows ("the “Victory is ours” shouted by the mayor")."""
        doc = inner.doc
        last = inner[-1].text if len(inner) else ""
        follows = doc[inner.end + 1] if inner.end + 1 < len(doc) else None
        ends_clause = last in _CLAUSE_END or (
            follows is not None and follows.text == "," and _opens_sentence(inner)
        )
        passive = follows is not None and usable(follows) and _agent(follows) is not None
        # a sentence-opening quotation whose attribution follows without a comma ("“…” he
        # told Reuters"), as in copy whose commas were lost (FA-KES) or house styles
        bare = follows is not None and _opens_sentence(inner) and _cue_clause_at(
            doc, inner.end + 1, usable)
        if bare and last in _SENTENCE_END and _reports_own_clause(doc, inner.end + 1, usable):
            bare = False  # "“… one house.” SANA said both sides agreed …": a new sentence
        if not (ends_clause or passive or bare):  # passive: "the “…” shouted by the mayor"
            return None
        window = _window(doc[t] for t in range(inner.end, min(len(doc), inner.end + _WINDOW)))
        return _first_cue(window, inner, avoid, usable, "after")

    def _before(self, inner: Span, avoid, usable) -> Attribution | None:
        """Rule 3: a cue right before the opening mark: "he added that “…", "said Kerry: “…"."""
        doc = inner.doc
        back = (doc[t] for t in range(inner.start - 1, max(-1, inner.start - _WINDOW), -1))
        near = [t for t in _window(back) if t.lower_ not in _LINKS][:2]
        if near and not usable(near[0]) and _nominal(near[0]):
            near = [t for t in near[1:] if t.i == near[0].head.i]  # "said Kerry: “…"
        return _first_cue(near[:1], inner, avoid, usable, "before")

    def _colon(self, inner: Span, avoid, usable) -> Attribution | None:
        """Rule 4: the clause before a colon that introduces a whole quotation."""
        doc = inner.doc
        i = inner.start - 1
        while i >= 0 and (doc[i].is_space or doc[i].is_quote):
            i -= 1
        if i < 0 or doc[i].text != ":" or not _ends_clause(inner):
            return None
        colon = doc[i]
        clause = [t for t in doc[self.bounds[i][0] : i] if not avoid(t)]
        cues = [t for t in clause if usable(t) and not _in_modifier(t, colon.head)]
        if cues:
            speaker = speaker_of(cues[-1], avoid)
            return Attribution(cues[-1], speaker, "colon") if speaker is not None else None
        verbs = [t for t in clause if t.pos_ in ("VERB", "AUX")]
        speaker = clause_subject(verbs[-1], avoid) if verbs else None
        if speaker is None or speaker.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None
        return Attribution(None, speaker, "colon")

    def _trailing(self, inner: Span, index: int, avoid, usable) -> list[Attribution]:
        """Rule 7: an attribution that ends the sentence without a comma, its speaker
        written after the quotation ("“…” UK-based Syrian Observatory chief Rami Abdel
        Rahman said", "… in the village of Tokhar Amnesty International said"), as in
        copy whose commas were lost (FA-KES): the first cue after the closing mark whose
        subject stands after the mark ("… in Zahraa” a district inhabited by Alawites
        said Talal al-Barazi")."""
        doc = inner.doc
        closed = len(inner) > 0 and inner[-1].text in _SENTENCE_END
        seen = 0
        for t in doc[inner.end + 1 :]:
            if t.text in _SENTENCE_END or t.is_space and "\n" in t.text:
                return []
            if not self.same_context(t, index) or t.is_quote:
                continue  # another quotation of the sentence ("… “serve the goals …” Barazi added")
            seen += 1
            if seen > _TRAILING_REACH:
                return []
            if not usable(t):
                continue
            if _describes(t, inner):
                return []
            if closed and any(c.dep_ == "ccomp" or c.dep_ == "dobj" and c.pos_ == "NOUN"
                              for c in t.children):
                # "“… one house.” SANA said both sides agreed …", "“… position.” Meanwhile
                # the coalition denied a report …": a new sentence with words of its own
                return []
            # the cue's subject if it stands after the quotation; else (a parse that gave
            # the cue a subject elsewhere, or none) the noun just before the cue, then the
            # first noun after the quotation ("“…” the Syrian Observatory, which relies on
            # a wide network of sources in the country, said")
            between = [w for w in doc[inner.end + 1 : t.i] if _nominal(w) and not avoid(w)]
            subject = speaker_of(t, avoid)
            named = name_after(t)  # "… said Talal al-Barazi": the name after the verb
            heads = [named] if named is not None else []
            heads += [subject] if subject is not None and inner.end < subject.i else []
            heads += between[-1:] + [w for w in between if not _premodifier(w, inner.end, t.i)][:1]
            return [Attribution(t, h, "trailing") for h in dict.fromkeys(heads)]
        return []


def _own_clause(node: Token, avoid) -> bool:
    """Whether ``node`` is a clause joined to another with a subject of its own, outside the
    quotation: in "Damascus has claimed that … but opposition groups have dismissed the offer
    as “trickery”" the words go by the clause's own verb that casts them ("dismissed …
    as"), not by the cue above it."""
    return node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and not avoid(node) and any(
        c.dep_ in ("nsubj", "nsubjpass") and not avoid(c) for c in node.children)


def _describes(cue: Token, inner: Span) -> bool:
    """Whether ``cue`` heads a relative clause on the noun phrase that holds the quotation,
    the phrase being what the speaker talks of: in "the ‘plan B’ military option
    Washington has warned of" the marks set off the topic of Washington's warning, not its
    words; "the “wise Latina” phrase Grassley cited" is still Grassley's."""
    stranded = any(c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS | {"of"}
                   and not any(g.dep_ == "pobj" for g in c.children) for c in cue.children)
    if cue.dep_ != "relcl" or not stranded:
        return False
    noun = cue.head  # outside the marks: not "“… a sniper” SANA reported" parsed as a relcl
    within = range(inner.start - 1, inner.end + 1)
    if noun.i in within or noun.head.i in within:
        return False
    heads = [w for w in inner if w.head.i not in within or w.head.i == w.i]
    return bool(heads) and all(noun.is_ancestor(w) for w in heads)


def _premodifier(word: Token, start: int, end: int) -> bool:
    """Whether ``word`` only modifies a noun written after it between ``start`` and ``end``:
    "British" in "the British-based monitoring group which has … said", whose head is the
    group."""
    node = word
    while start <= node.head.i < end and node.head.i > node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            return True
    return word.dep_ == "compound"


def _next_paragraph(inner: Span, cue: Token | None) -> bool:
    """Whether ``cue`` stands after a line break that follows the quotation: a paragraph
    that closes with a quotation does not hand it to the next paragraph's speaker ("…
    with these individuals.” ⏎ Republican nominee Mike Pence said …"), however the
    parse joined the two."""
    if cue is None or cue.i < inner.end:
        return False
    return any(t.is_space and "\n" in t.text for t in inner.doc[inner.end : cue.i])


def name_after(cue: Token) -> Token | None:
    """The last word of a proper name written right after a cue verb ("said Talal
    al-Barazi"), not a day ("said Thursday") or a place."""
    doc = cue.doc
    i = cue.i + 1
    if cue.lemma_.lower() not in _SAID_BY or i >= len(doc) or doc[i].pos_ != "PROPN" or (
            doc[i].ent_type_ in _NOT_NAMES):
        return None  # not "told Reuters": the one told
    last = i
    while last + 1 < len(doc) and (doc[last + 1].pos_ == "PROPN" or doc[last + 1].tag_ == "HYPH"
                                   ) and doc[last + 1].ent_type_ not in _NOT_NAMES:
        last += 1
    while doc[last].tag_ == "HYPH":
        last -= 1
    return doc[last]


def _cue_clause_at(doc, i: int, usable) -> bool:
    """Whether a speech cue opens the words at ``i`` or follows a speaker there ("he told",
    "Barazi said", "said the governor")."""
    first = doc[i]
    if usable(first):
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return first.pos_ in ("PRON", "PROPN") and nxt is not None and usable(nxt)


def _reports_own_clause(doc, i: int, usable) -> bool:
    """Whether the cue at ``i`` or ``i + 1`` reports a clause of its own ("SANA said both
    sides agreed"), so that it starts a sentence rather than closing a quotation."""
    cue = next((t for t in doc[i : i + 2] if usable(t)), None)
    return cue is not None and any(c.dep_ == "ccomp" for c in cue.children)


def _dash(inner: Span, avoid) -> Attribution | None:
    """Rule 5: a name after a dash ends the line ("“…” — Sonya Herridge")."""
    doc = inner.doc
    rest = []
    for t in doc[inner.end + 1 : inner.end + 8]:
        if t.is_space and "\n" in t.text:
            break
        rest.append(t)
    if len(rest) < 2 or rest[0].text not in _DASHES:
        return None
    name = [t for t in rest[1:] if not t.is_punct]
    if not name or any(t.pos_ != "PROPN" or avoid(t) for t in name):
        return None
    return Attribution(None, name[-1], "dash")


def _parenthesis(inner: Span, avoid) -> Attribution | None:
    """Rule 6: a quotation that fills a parenthesis is the words of the one named just
    before it ("the obvious response from Lavrov (“I do not think …”)", "Lavrov’s reply
    (“…”)"): the name, or who gives the response, reply or statement named there."""
    doc = inner.doc
    i = inner.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    j = inner.end + 1  # past the closing mark
    while j < len(doc) and doc[j].is_space:
        j += 1
    if i < 1 or doc[i].text != "(" or j >= len(doc) or doc[j].text != ")":
        return None
    word = doc[i - 1]
    if avoid(word):
        return None
    if word.pos_ == "PROPN" and word.ent_type_ not in _NOT_NAMES | _PLACES:
        return Attribution(None, word, "parenthesis")
    if word.pos_ != "NOUN":
        return None
    lemma = word.lemma_.lower()
    if lemma in _UTTERANCES:
        giver = next((c for c in word.children if c.dep_ == "poss"), None) or next(
            (g for c in word.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
             for g in c.children if g.dep_ == "pobj"), None)
        return Attribution(None, giver, "parenthesis") if giver is not None and not avoid(
            giver) else None
    if lemma in speaker_nouns() or lemma in PERSON_NOUNS or lemma in titles():
        return Attribution(None, word, "parenthesis")
    return None


def _in_modifier(token: Token, top: Token) -> bool:
    """Whether ``token`` is in a relative or noun clause below ``top`` ("the plan X warned of")."""
    node = token
    for _ in range(_MAX_HOPS):
        if node.i == top.i or node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl"):
            return True
        node = node.head
    return False


def _opens_sentence(inner: Span) -> bool:
    """Whether the quotation's opening mark starts a sentence or follows a colon."""
    doc = inner.doc
    i = inner.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space and "\n" not in doc[i].text):
        i -= 1
    return i < 0 or doc[i].text in _SENTENCE_END | {":"} or "\n" in doc[i].text


def _ends_clause(inner: Span) -> bool:
    """Whether the quotation runs to the end of a sentence, not into more words of its own."""
    doc = inner.doc
    if len(inner) and inner[-1].text in _SENTENCE_END | _CLAUSE_END | {"…"}:
        return True
    after = inner.end + 1  # past the closing mark
    return after >= len(doc) or doc[after].text in _SENTENCE_END | {"(", ";"} or (
        doc[after].is_space and "\n" in doc[after].text
    )


def _active(verb: Token) -> bool:
    """A verb with a subject of its own: "Trump admires Putin as …", not "a unit known as …"."""
    return verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children)


def _stops_climb(node: Token, usable) -> bool:
    """A clause that modifies, or the topic of a cue ("comment on", "asked about"),
    leaves the cue's content; a topic further down is part of what is said ("Moscow
    stated that it is hard to understand statements about “errors”")."""
    return node.dep_ in _MODIFIER_CLAUSES or (
        node.dep_ == "prep" and node.lower_ in _TOPIC_PREPOSITIONS and usable(node.head)
    )


def _content_holds(content: Token, word: Token, avoid) -> bool:
    """Whether a quotation reached through a modifying clause (``word`` in it) lies in what
    the cue reports: the clause ``content`` that the cue governs holds it with no comma or
    dash between ("said the group raided the base to seize weapons “given by …”"). One
    set off by a comma ("said the talks had failed, showing that even the “peace” camp …",
    however the parse hangs it) is the writer's aside."""
    if content.dep_ != "ccomp":
        return False
    between = content.doc[min(content.i, word.i) + 1 : max(content.i, word.i)]
    return not any(t.text in _ASIDE_MARKS and not avoid(t) for t in between)


def _through(cue: Token, child: Token, avoid) -> Attribution | None:
    """The attribution of a quotation reached from ``child``, a dependent of ``cue``."""
    if child.dep_ in SUBJECTS:  # the quotation is (in) the subject of the cue
        agent = _agent(cue)
        ok = agent is not None and not avoid(agent)
        return Attribution(cue, agent, "parse") if ok else None
    if child.dep_ == "dobj" and cue.lemma_.lower() in _OBJECT_SPEAKER:
        return None  # "to quote an “anti-government activist”": a person, not words
    speaker = speaker_of(cue, avoid)
    return Attribution(cue, speaker, "parse") if speaker is not None else None


def _cue_beside(node: Token, avoid, usable) -> Attribution | None:
    """A cue hanging on ``node`` rather than above it: "according to X", "as X said", "X said"."""
    for child in node.children:
        if not usable(child):
            continue
        as_clause = child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "as" for m in child.children
        )
        if child.lower_ == "according" or as_clause or child.dep_ == "parataxis":
            speaker = speaker_of(child, avoid)
            if speaker is not None:
                return Attribution(child, speaker, "parse")
    return None


def _window(tokens: Iterable[Token]) -> list[Token]:
    """Tokens beside a mark, up to the end of the sentence or another quotation mark."""
    out: list[Token] = []
    for t in tokens:
        if t.is_quote and out or t.text in _SENTENCE_END or t.is_space and "\n" in t.text:
            break
        if not t.is_quote:
            out.append(t)
    return out


def _first_cue(
    window: list[Token], inner: Span, avoid, usable, rule: str
) -> Attribution | None:
    """The first cue in ``window`` and its speaker; the parse's subject, else the window's.

    The parse often hangs a cue written after a long quotation on the quotation
    itself ("…,” the *Los Angeles Times* wrote"), leaving it without a subject; the
    noun written between the mark and the cue (or just after it: "said the minister")
    is then the speaker.
    """
    for n, t in enumerate(window):
        if not usable(t):
            continue
        speaker = speaker_of(t, avoid)
        if speaker is None:
            nouns = [w for w in window[:n] if _nominal(w)] or [
                w for w in window[n + 1 :] if _nominal(w)
            ][:1]
            speaker = nouns[-1] if nouns and not avoid(nouns[-1]) else None
        if speaker is None or any(inner.start <= d.i < inner.end for d in speaker.subtree):
            return None  # "the “moderate” rebels said": the quotation names the speaker
        return Attribution(t, speaker, rule)
    return None


def _nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN", "PRON") and token.ent_type_ not in ("DATE", "TIME")


def _distance(cue: Token, inner: Span) -> int:
    return inner.start - cue.i if cue.i < inner.start else cue.i - inner.end
