"""Quotations whose curly opening mark FA-KES copy mangled into two replacement characters
and whose closing mark it lost: the words after the mangled mark that a speech verb
reports are a direct quotation (gold train, "said ��the Turkish side still sends …")."""

from __future__ import annotations

from palmyra.api import analyze_text

MANGLED = "\ufffd\ufffd"


def _quotes(text: str):
    facts = analyze_text("Title\n\n" + text, profile="syria")
    return [(q.text, q.direct) for q in facts.quotes]


def test_a_clause_after_a_mangled_mark_is_a_direct_quotation():
    text = (f"General Sergey Rudskoy of the General Staff said {MANGLED}the Turkish side still"
            " sends weapons and gunmen to groups affiliated to Jabhat al-Nusra.")
    quotes = _quotes(text)
    assert [q for q in quotes if q[1]] == [
        ("the Turkish side still sends weapons and gunmen to groups affiliated to Jabhat"
         " al-Nusra", True)]


def test_the_same_clause_without_the_mark_is_reported_speech():
    text = ("General Sergey Rudskoy of the General Staff said the Turkish side still"
            " sends weapons and gunmen to groups affiliated to Jabhat al-Nusra.")
    assert [q for q in _quotes(text) if q[1]] == []
