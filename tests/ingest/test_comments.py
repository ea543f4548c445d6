"""Reader comments: the body ends before the thread, and each comment gets its own span."""

from __future__ import annotations

import pytest

from palmyra.ingest import RawRecord, build_document
from palmyra.model import Document, SourceRef

# Shaped like seed 004: the article's own numbered points, then a thread of indented,
# numbered comments with nested bullet replies, the first one quoting the article.
LIST_THREAD = """Analysis: Why the Town Is Not Yet Won


PHOTO: A street in the old quarter

I spoke with a radio programme on Monday about the battle for the town.

Three points stand out:

1. The town is not secure. Fighting continues in the eastern districts.

The militia still hold the hills above the road.

2. The victory belongs to many hands, not one.

Nobody could have taken the town alone, whatever the ministry says.

  1. “Nobody could have taken the town alone, whatever the ministry says.”
    Agreed, but who paid for it?

    • The allies paid, as always.

      • Not true, the locals paid in blood.

  2. Good analysis as usual.
    1. First point.
    2. Second point.
    What now?
"""

WORDPRESS = """Convoy hit near the border

Aid trucks were hit by an air strike near the crossing on Monday, the agency said.

It was the second attack on a convoy this month.

3 Comments

Abu Karim says:
March 28, 2016 at 10:12 am
Who ordered the strike?
Reply

Mary L says:
March 28, 2016 at 11:40 am
Nobody will say.

The agency knows.
Reply

Leave a Reply
"""

STAMPS = """Convoy hit near the border

Aid trucks were hit by an air strike near the crossing on Monday, the agency said.

samir_77
March 29, 2016 at 9:03 pm
First comment here.

reader42
2 days ago
Second comment.
"""

DISQUS = """Convoy hit near the border

Aid trucks were hit by an air strike near the crossing on Monday, the agency said.

Hana • 3 years ago
Is there any video?

Omar • 3 years ago
Yes, on the agency site.
"""


def _doc(text: str) -> Document:
    return build_document(RawRecord(SourceRef("c.txt"), text, "text"))


def _comments(doc: Document) -> list[str]:
    return [doc.text[c.start : c.end] for c in doc.comments]


def test_comments_list_thread_after_numbered_body() -> None:
    doc = _doc(LIST_THREAD)
    assert doc.body.end == LIST_THREAD.index("  1. “Nobody")
    assert doc.body_end == doc.body.end
    assert doc.clean.text.endswith("whatever the ministry says.")
    assert "1. The town is not secure." in doc.clean.text
    assert _comments(doc) == [
        "“Nobody could have taken the town alone, whatever the ministry says.”\n"
        "    Agreed, but who paid for it?",
        "The allies paid, as always.",
        "Not true, the locals paid in blood.",
        "Good analysis as usual.\n    1. First point.\n    2. Second point.\n    What now?",
    ]
    assert all(c.start >= doc.body.end for c in doc.comments)


@pytest.mark.parametrize(
    "ending",
    [
        # the article's own list at the end: unindented, no replies, no quotes
        "Three lessons:\n\n1. Supply lines matter.\n2. Air cover matters.\n3. Time matters.\n",
        # an indented list, but nothing marks it as a thread
        "Key dates:\n\n  1. March: the siege.\n  2. May: the breakout.\n",
        # numbered points with prose between them
        "1. First point.\n\nSome prose after it.\n\n2. Second point.\n",
    ],
)
def test_comments_article_lists_are_not_comments(ending: str) -> None:
    text = f"Title line\n\nThe army advanced on the town from the south on Sunday.\n\n{ending}"
    doc = _doc(text)
    assert doc.comments == []
    assert doc.body_end is None
    assert doc.clean.text.endswith(ending.strip().rsplit("\n", 1)[-1].strip())


def test_comments_wordpress_thread() -> None:
    doc = _doc(WORDPRESS)
    assert doc.body.end == WORDPRESS.index("3 Comments")
    assert doc.clean.text.endswith("on a convoy this month.")
    assert _comments(doc) == [
        "Abu Karim says:\nMarch 28, 2016 at 10:12 am\nWho ordered the strike?",
        "Mary L says:\nMarch 28, 2016 at 11:40 am\nNobody will say.\n\nThe agency knows.",
    ]


def test_comments_username_over_timestamp() -> None:
    doc = _doc(STAMPS)
    assert doc.body.end == STAMPS.index("samir_77")
    assert _comments(doc) == [
        "samir_77\nMarch 29, 2016 at 9:03 pm\nFirst comment here.",
        "reader42\n2 days ago\nSecond comment.",
    ]


def test_comments_disqus_thread() -> None:
    doc = _doc(DISQUS)
    assert doc.body.end == DISQUS.index("Hana")
    assert _comments(doc) == [
        "Hana • 3 years ago\nIs there any video?",
        "Omar • 3 years ago\nYes, on the agency site.",
    ]


def test_comments_marker_with_no_body_before_it_is_furniture() -> None:
    text = "Title line\n\nComments (0)\n\nThe army advanced on the town from the south on Sunday.\n"
    doc = _doc(text)
    assert doc.comments == []
    assert doc.clean.text == "The army advanced on the town from the south on Sunday."


def test_comments_says_in_the_body_is_not_a_thread() -> None:
    text = (
        "Title line\n\nThe army advanced on the town on Sunday.\n\nThe minister says:\n"
        "“We will hold the town.”\n\nFighting continued overnight.\n"
    )
    doc = _doc(text)
    assert doc.comments == []
    assert doc.clean.text.endswith("Fighting continued overnight.")
