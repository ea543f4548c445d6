"""What the technique classifier sees of a span: its words, their shape, and the article around it.

Features are strings (``"w=enemy"``), counted per span; the classifier maps the
ones it saw in training to weights. Why each family is there:

- the span's words, word pairs, first and last word: the vocabulary of Loaded
  Language, Name Calling, Flag-Waving ("our nation"), Doubt ("so-called", "claims");
- its length in words: slogans and clichés are short phrases, causal
  oversimplification and whataboutism are clauses;
- how often the same words occur elsewhere in the article: Repetition is defined
  by it and nothing else;
- the words just before and after, and the whole sentence: the cue outside the
  span ("experts say", "if we don't");
- punctuation and case: quotation marks, "!", "?", all-capitals;
- cue lexicons (``CUES``), one feature per technique whose cue words the span or
  the words around it hold: they carry a technique to words too rare in training
  to have weights of their own ("nincompoop" is name calling like "idiot"); and
  whether the span sits inside quotation marks or in the title.

``sentence_features`` describe a whole sentence (PTC: a line) for the sentence
classifier that tells whether it uses any technique: its words, word pairs and
endings, its cue words, its length, its place in the article (titles are often
loaded), its punctuation and how often its words recur in the article.

``clause_context`` gives the clause classifier numbers from outside the clause: how
sure the sentence classifier is of the clause's line, of its neighbours and of the
article as a whole (articles differ widely: a tenth of the train articles have a
technique in under 8% of their lines, another tenth in over half), and the clause's
length and share of its line.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

WORD = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
CONTEXT = 3  # words either side of the span

# Cue words of techniques, from the PTC annotation guidelines' definitions and examples
# (Da San Martino et al. 2019) and general English: not read off the corpus.
CUES: dict[str, frozenset[str]] = {name: frozenset(ws.split()) for name, ws in {
    "doubt": "allegedly alleged so-called supposedly purported purportedly claims claimed claim "
             "doubt doubts doubtful questionable dubious really truth credibility whether "
             "suspicious hoax fake false lie lies lied lying unproven unverified",
    "flag": "america american americans nation nation's national nations patriot patriots "
            "patriotic country country's homeland flag our we us people citizens freedom "
            "liberty heritage sovereignty constitution fatherland motherland",
    "fear": "threat threats threaten threatens danger dangerous destroy destroyed destruction "
            "kill killed killing attack attacks terror terrorism terrorist terrorists crisis "
            "catastrophe catastrophic disaster die death deaths dead risk fear afraid invasion "
            "invade collapse chaos deadly epidemic violence violent",
    "name": "idiot idiots moron morons liar liars thug thugs traitor traitors crook crooked "
            "criminal criminals radical radicals extremist extremists leftist leftists "
            "globalist globalists regime puppet puppets clown clowns fascist fascists racist "
            "racists bigot bigots elite elites hypocrite hypocrites propagandist mob",
    "loaded": "very extremely outrageous shocking disgusting horrific horrible absolutely "
              "massive huge brutal evil vicious insane crazy disastrous devastating "
              "despicable shameful scandal scandalous corrupt corruption slaughter "
              "massacre barbaric heinous sinister blatant",
    "authority": "according expert experts professor dr official officials study studies report "
                 "scientist scientists research researchers analyst analysts spokesman "
                 "spokeswoman minister president director",
    "bandwagon": "everyone everybody nobody majority millions hitler nazi nazis nazism "
                 "fascism communist communists stalin totalitarian",
    "extreme": "either only choice must never always nothing everything every all none "
               "entire entirely totally completely biggest worst best greatest ever",
    "causal": "because cause caused causes therefore thus result results resulted due blame "
              "blamed consequence reason",
    "cliche": "period enough simply obviously fact facts clear common sense plain",
    "what": "what about hypocrisy hypocritical double standard standards same yet while "
            "whereas instead",
}.items()}


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _bin(n: int, edges: tuple[int, ...]) -> str:
    return str(next((e for e in edges if n <= e), f">{edges[-1]}"))


class ArticleView:
    """An article's text, lower-cased once, for the features of its many spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        self.word_counts = Counter(words(text))

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The line (PTC: one sentence a line) or sentence around a span."""
        left = max(self.text.rfind("\n", 0, start), self.text.rfind(". ", 0, start) + 1)
        right_nl = self.text.find("\n", end)
        return left + 1 if left >= 0 else 0, right_nl if right_nl >= 0 else len(self.text)


def span_features(view: ArticleView, start: int, end: int) -> Counter[str]:
    """The feature counts of ``view.text[start:end]`` (see the module docstring)."""
    text = view.text[start:end]
    ws = words(text)
    f: Counter[str] = Counter()
    f.update(f"w={w}" for w in ws)
    f.update(f"b={a}_{b}" for a, b in zip(ws, ws[1:], strict=False))
    if ws:
        f[f"first={ws[0]}"] += 1
        f[f"last={ws[-1]}"] += 1
    if len(ws) <= 4:
        f["phrase=" + " ".join(ws)] += 1
    # word endings stand in for part of speech: "-ist", "-ism" label people and ideas
    # (Name Calling), "-ly", "-ous", "-ing" describe them (Loaded Language)
    f.update(f"suf={w[-3:]}" for w in ws if len(w) > 4)
    raw = WORD.findall(text)
    if raw and raw[-1][:1].isupper():
        f["last_cap"] += 1
    f["len=" + _bin(len(ws), (1, 2, 3, 5, 8, 12, 20, 35))] += 1
    repeats = view.lower.count(text.lower()) if text.strip() else 0
    f["rep=" + _bin(repeats, (1, 2, 3, 5))] += 1
    if repeats > 1 and view.lower.find(text.lower()) < start:
        f["rep_seen_before"] += 1
    content = [w for w in ws if len(w) > 3]
    if content:
        most = max(view.word_counts[w] for w in content)
        f["wordrep=" + _bin(most, (1, 2, 3, 5, 8))] += 1
    before = words(view.text[max(0, start - 60):start])[-CONTEXT:]
    after = words(view.text[end:end + 60])[:CONTEXT]
    f.update(f"L={w}" for w in before)
    f.update(f"R={w}" for w in after)
    if before:
        f[f"L1={before[-1]}"] += 1
    if after:
        f[f"R1={after[0]}"] += 1
    s, e = view.sentence(start, end)
    f.update(f"s={w}" for w in set(words(view.text[s:e])))
    f["cover=" + _bin(round(10 * (end - start) / max(1, e - s)), (2, 5, 8, 10))] += 1
    for mark, name in (("!", "excl"), ("?", "quest"), ('"', "quote"), ("“", "quote")):
        if mark in text:
            f[f"has={name}"] += 1
    if any(len(w) > 1 and w.isupper() for w in raw):
        f["has=caps"] += 1
    if text[:1].isupper():
        f["cap_first"] += 1
    f.update(f"lex={name}" for w in ws for name, cue in CUES.items() if w in cue)
    f.update(f"Llex={name}" for w in before for name, cue in CUES.items() if w in cue)
    left, right = view.text[max(0, start - 2):start], view.text[end:end + 2]
    if any(q in left for q in '"“‘') and any(q in right for q in '"”’'):
        f["quoted"] += 1
    if start < max(0, view.text.find("\n")):
        f["in_title"] += 1
    return f


def char_features(view: ArticleView, start: int, end: int) -> Counter[str]:
    """The second view of a span for the technique classifier's ensemble: the span alone,
    as letter 3- to 5-grams of its lower-cased text (word parts shared by unseen words:
    "-phobic", "islamo-", "libtard"), its cue words and its length."""
    text = f" {view.lower[start:end]} "
    f: Counter[str] = Counter()
    for n in (3, 4, 5):
        f.update("c=" + text[i:i + n] for i in range(len(text) - n + 1))
    ws = words(text)
    f.update(f"lex={name}" for w in ws for name, cue in CUES.items() if w in cue)
    f["len=" + str(min(len(ws), 40) // 4)] += 1
    return f


def clause_char_features(view: ArticleView, clause: tuple[int, int]) -> Counter[str]:
    """What the second clause classifier reads of a clause besides its line and article
    context: its letter n-grams, cue words and length (``char_features``), which carry a
    loaded or insulting word the word features never saw ("libtard", "-phobic")."""
    return char_features(view, *clause)


def sentence_features(view: ArticleView, start: int, end: int, index: int) -> Counter[str]:
    """The feature counts of the sentence ``view.text[start:end]``, the ``index``-th of its
    article (0: the title)."""
    text = view.text[start:end]
    ws = words(text)
    f: Counter[str] = Counter()
    _words_pairs_endings(f, ws)
    f["len=" + _bin(len(ws), (3, 6, 10, 15, 20, 30, 45))] += 1
    f["pos=" + ("title" if index == 0 else _bin(index, (1, 2, 4, 8, 16, 32)))] += 1
    f.update(f"lex={name}" for w in ws for name, cue in CUES.items() if w in cue)
    for mark, name in (("!", "excl"), ("?", "quest"), ('"', "quote"), ("“", "quote"),
                       ("'", "squote")):
        if mark in text:
            f[f"has={name}"] += 1
    _shouting_and_repetition(f, view, text, ws)
    return f


def _words_pairs_endings(f: Counter[str], ws: list[str]) -> None:
    """A line's or clause's words, word pairs and word endings (part of speech, roughly)."""
    f.update(f"w={w}" for w in ws)
    f.update(f"b={a}_{b}" for a, b in zip(ws, ws[1:], strict=False))
    f.update(f"suf={w[-3:]}" for w in ws if len(w) > 4)


def _shouting_and_repetition(f: Counter[str], view: ArticleView, text: str,
                             ws: list[str]) -> None:
    """Words in capitals, and how often the text's most repeated content word recurs in
    the article: cues of slogans, name-calling and repetition alike."""
    if any(len(w) > 1 and w.isupper() and w.isalpha() for w in text.split()):
        f["has=caps"] += 1
    content = [w for w in ws if len(w) > 3]
    if content:
        f["wordrep=" + _bin(max(view.word_counts[w] for w in content), (1, 2, 3, 5, 8, 13))] += 1


def clause_features(view: ArticleView, line: tuple[int, int], clause: tuple[int, int],
                    k: int, n: int, index: int) -> Counter[str]:
    """The feature counts of ``clause``, the ``k``-th of the ``n`` clauses of ``line``, the
    ``index``-th line of its article, for the classifier that tells which clauses of a
    line that uses a technique hold it: the clause's words, word pairs and endings, its
    cue words, length and share of the line, its place in the line, the punctuation that
    bounds it (a quotation, a trailing "!"), capitals and word repetition."""
    start, end = clause
    text = view.text[start:end]
    ws = words(text)
    f: Counter[str] = Counter()
    _words_pairs_endings(f, ws)
    f.update(f"lex={name}" for w in ws for name, cue in CUES.items() if w in cue)
    if ws:
        f[f"first={ws[0]}"] += 1
        f[f"last={ws[-1]}"] += 1
    f["len=" + _bin(len(ws), (1, 2, 3, 5, 8, 12, 20))] += 1
    f["share=" + _bin(round(10 * (end - start) / max(1, line[1] - line[0])), (2, 4, 6, 8, 10))] += 1
    f["at=" + ("only" if n == 1 else "first" if k == 0 else "last" if k == n - 1 else "mid")] += 1
    f["pos=" + ("title" if index == 0 else _bin(index, (1, 2, 4, 8, 16, 32)))] += 1
    before = view.text[max(line[0], start - 2):start].strip()
    after = view.text[end:min(line[1], end + 2)].strip()
    f["before=" + (before[-1:] or "^")] += 1
    f["after=" + (after[:1] or "$")] += 1
    for mark, name in (("!", "excl"), ("?", "quest"), ('"', "quote"), ("“", "quote")):
        if mark in text or mark in before + after:
            f[f"has={name}"] += 1
    _shouting_and_repetition(f, view, text, ws)
    return f


EDGE = -3.0  # the sentence logit that stands for "no line" before the first and after the last


def line_context(logits: Sequence[float]) -> list[list[float]]:
    """For each line of an article, from the sentence classifier's logits of all its lines
    in order: the line's own, the mean of the other lines', the mean of the article's
    surest quarter of lines, the previous and the next line's (``EDGE`` at the ends)."""
    n = len(logits)
    if not n:
        return []
    total = float(sum(logits))
    top = sorted(logits, reverse=True)[:max(1, n // 4)]
    surest = sum(top) / len(top)
    return [[z, (total - z) / (n - 1) if n > 1 else EDGE, surest,
             logits[i - 1] if i else EDGE, logits[i + 1] if i + 1 < n else EDGE]
            for i, z in enumerate(logits)]


def clause_context(line: list[float], unit: tuple[int, int], clause: tuple[int, int],
                   n: int) -> list[float]:
    """The numeric columns of the clause classifier for ``clause``, one of the ``n`` clauses
    of the line ``unit`` whose ``line_context`` is ``line``: that context, the line's
    logit times the article's mean (a loaded line counts for more in a loaded article),
    and the clause's log length, share of the line and log number of clauses."""
    chars, whole = clause[1] - clause[0], max(1, unit[1] - unit[0])
    return [*line, line[0] * line[1], math.log1p(chars), chars / whole, math.log(n)]
