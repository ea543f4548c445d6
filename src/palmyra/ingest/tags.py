"""Find a site's keyword line ("Tags Syria Aleppo airstrikes ...") glued into the body.

Scraped pages from The New Arab and Sputnik (FA-KES) keep the page's topic
keywords inside the running text with no line break and often no full stop:
"... a monitoring group said. Tags Syria Golan Heights Israeli airstrike
Hezballah SOHR An Israeli airstrike on a government-held village ...". Read as
prose, the keywords make false events ("airstrike"), wrong places and speaker
names that run on into tag words. Cleaning drops the keyword run like any other
furniture, so offsets into the original text stay exact.

Where the run ends is the hard part. Keywords are names and bare nouns; the
body resumes with a clause: a determiner or count opener ("An", "At least 18",
"Three"), the word after a full stop, or a subject whose clause shows a
function word ("Russia has accused", "Syrian regime airstrikes on a ...").
A run that reaches the end of the body (Sputnik prints the keywords last) is
all keywords. A run with no such end in sight is left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

Range = tuple[int, int]

# The keyword line's label; a colon-style whole line is already furniture.
_LABEL = re.compile(r"(?<!\S)Tags:?(?=[^\S\n]+\S)")
_TOKEN = re.compile(r"\S+")
# Keyword runs seen in FA-KES hold at most ~17 tokens; prose is never read this far.
MAX_TAG_TOKENS = 24
# Tokens after a candidate opener within which its clause must show a function word.
CLAUSE_WINDOW = 12
# Words that only a clause carries when the next word is lower case (inside a
# name, "Observatory for Human Rights", "the Nusra Front", they precede a capital).
_CLAUSE_WORDS = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "by", "from", "with", "to", "into", "near",
    "after", "before", "during", "as", "that", "which", "who", "and", "or", "but", "were",
    "was", "is", "are", "has", "have", "had", "been", "be", "will", "would", "could", "said",
    "says", "say", "including",
))
# Capitalised words that open a lead sentence: determiners and counts.
_OPENERS = frozenset((
    "A", "An", "The", "At", "More", "Dozens", "Hundreds", "Thousands", "Scores", "Several",
    "Some", "Many", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen",
    "Nineteen", "Twenty", "Thirty", "Forty", "Fifty",
))
_DETERMINERS = frozenset(("a", "an", "the"))
_SENTENCE_END = (".", "!", "?")
# A particle joined to a name ("al-Assad", "Deir az-Zour") is part of the name, not lower case.
_NAME_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")


class _Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def word(self) -> str:
        return self.text.strip("\"'()[],;:.!?")

    @property
    def lower(self) -> bool:
        """Lower case or a number: a word that cannot open a name or a sentence."""
        w = self.word
        if not w or _NAME_PARTICLE.match(w):
            return False
        return w[0].islower() or w[0].isdigit()


def tag_ranges(text: str, body: Range) -> list[Range]:
    """Original ranges of keyword runs in ``text[body[0]:body[1]]`` to drop from clean text.

    Each range starts at the "Tags" label and stops where the body resumes,
    at the end of the body when the keywords come last. Where the text before
    the label already ends a sentence or a line, or there is none, a full stop closing the
    keywords goes with them, otherwise it stays to end that sentence.
    """
    out: list[Range] = []
    pos = body[0]
    while (m := _LABEL.search(text, pos, body[1])) is not None:
        pos = m.end()
        found = _TOKEN.finditer(text, pos, body[1])
        tokens = [_Token(t.start(), t.end(), t.group()) for t in found]
        line = text[body[0] : m.start()].rstrip(" \t")
        before = line.rstrip()
        resume = _resume_index(tokens[: MAX_TAG_TOKENS + CLAUSE_WINDOW])
        if resume is None:
            if _keywords(tokens) and not any(t.text.endswith(_SENTENCE_END) for t in tokens[:-1]):
                out.append((m.start(), body[1]))  # the keywords end the body, a stop or not
            continue
        if not _keywords(tokens[:resume]):
            continue
        if before and not line.endswith("\n") and not _label_follows(before.split()[-1]):
            continue  # "Price Tags Rise As War Drags On.": a word of a title, not the label
        last = tokens[resume - 1]
        end = tokens[resume].start
        ended = not before or line.endswith("\n") or before.endswith(_SENTENCE_END)
        if last.text.endswith(_SENTENCE_END) and not ended:
            end = last.end - 1
        out.append((m.start(), end))
        pos = end
    return out


def _label_follows(word: str) -> bool:
    """Whether "Tags" after ``word`` in the body's run can be the label: after a sentence's
    end or a lower-case word ("a monitoring group said Tags ..."), never inside a
    capitalised title ("Price Tags Rise As War Drags On"). Keywords that end the body
    follow the related headlines' capitals (Sputnik), so that case is not asked."""
    return word.endswith(_SENTENCE_END) or not word[0].isupper()


def _keywords(run: list[_Token]) -> bool:
    """A keyword run is short and names something ("Tags civilian casualties Syria");
    "Tags appears here." is prose."""
    return 0 < len(run) <= MAX_TAG_TOKENS and any(not t.lower for t in run)


def _resume_index(tokens: list[_Token]) -> int | None:
    """Index of the token where the body resumes, ``None`` when no clause starts in reach."""
    for k, tok in enumerate(tokens):
        if k > 0 and tokens[k - 1].text.endswith(_SENTENCE_END):
            return k
        if tok.word in _OPENERS and _clause_within(tokens, k + 1):
            return k
        if _clause_word(tokens, k):
            return _subject_start(tokens, k)
    return None


def _clause_word(tokens: list[_Token], k: int, past_articles: bool = True) -> bool:
    """A function word followed by a lower-case word: "on a clinic", not the name-internal
    "of Human Rights" or "the Nusra Front".

    With ``past_articles`` the word after any article must be lower case too, so the
    keyword "al-Qaeda in the Arabian Peninsula" is no clause; after an opener ("Three
    rescue workers from the Syrian Civil Defence") "from the" is clause enough.
    """
    if tokens[k].text not in _CLAUSE_WORDS:
        return False
    j = k + 1
    while past_articles and j < len(tokens) and tokens[j].text in _DETERMINERS:
        j += 1
    return j < len(tokens) and tokens[j].lower


def _clause_within(tokens: list[_Token], k: int) -> bool:
    for j in range(k, min(k + CLAUSE_WINDOW, len(tokens))):
        if _clause_word(tokens, j, past_articles=False):
            return True
        if tokens[j].text.endswith(_SENTENCE_END):
            return False
    return False


def _subject_start(tokens: list[_Token], k: int) -> int:
    """Back from the clause word over the subject's lower-case words to its capitalised head.

    Returns 0 (no keywords before the clause: not a keyword run) when the walk
    reaches the label.
    """
    j = k - 1
    while j >= 0 and tokens[j].lower:
        j -= 1
    return max(j, 0)
