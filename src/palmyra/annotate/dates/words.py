"""The temporal words of ``resources/temporal_words.tsv``, and the cues around an expression:
a future verb before it, a name it is part of, the start of a sentence."""

from __future__ import annotations

import re
from functools import cache

from palmyra.annotate.lexicon import by_kind

_STOP = re.compile(r"[,;:.!?\"“”()\n]")
_WORD = re.compile(r"[A-Za-z']+")
_PREV = re.compile(r"([A-Za-z]+)[ \t]+\Z")
_PREV_ON = re.compile(r"([A-Za-z]+)[ \t]+on[ \t]+\Z")  # "the Mail on Sunday"
_NEXT = re.compile(r"[ \t]+([A-Za-z]+)")
_PAST_AUXILIARIES = frozenset({"had", "was", "were", "been"})


@cache
def _words() -> dict[str, dict[str, str]]:
    return by_kind("temporal_words.tsv")


def _month_number(name: str) -> int:
    if name.isdigit():  # ISO dates
        return int(name)
    w = _words()
    key = name.rstrip(".").capitalize()
    return int(w["month"].get(key) or w["month_abbr"][key])


def _points_forward(text: str, start: int) -> bool:
    """Whether a future cue ("will", "could") sits in the few words before ``start``.

    The window stops at punctuation so that "will use Palmyra," a general said Sunday
    stays in the past.
    """
    window = text[max(0, start - 60) : start]
    stops = list(_STOP.finditer(window))
    if stops:
        window = window[stops[-1].end() :]
    cues = _words()["future_cue"]
    words = [w.lower() for w in _WORD.findall(window)[-6:]]
    # "had been due to begin on 20 February" looks back from a later day: not a cue
    return any(
        w in cues and (i == 0 or words[i - 1] not in _PAST_AUXILIARIES) for i, w in enumerate(words)
    )


def _is_name(text: str, start: int, end: int) -> bool:
    """A weekday inside a name or title: "Bloody Sunday", "Sunday Times", "Why Sunday Matters".

    The words that name a paper after a weekday ("Sunday Times") also name one before
    "on Sunday" ("the Mail on Sunday", "the Independent on Sunday").
    """
    w = _words()
    prev = _PREV.search(text, max(0, start - 30), start)
    paper = _PREV_ON.search(text, max(0, start - 30), start)
    nxt = _NEXT.match(text, end)
    if (
        (prev and prev.group(1) in w["weekday_blocker_before"])
        or (nxt and nxt.group(1) in w["weekday_blocker_after"])
        or (paper and paper.group(1) in w["weekday_blocker_after"])
    ):
        return True
    lead = {*w["cue"], "last", "next", "this", "every", "and", "or", "but"}
    return bool(
        prev
        and nxt
        and prev.group(1)[0].isupper()
        and nxt.group(1)[0].isupper()
        and prev.group(1).lower() not in lead
    )


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip()
    return not before or before[-1] in '.!?\n"“'
