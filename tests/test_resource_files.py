"""The shared reader of palmyra/resources lists: numbered entries, comments skipped."""

from __future__ import annotations

import pytest

from palmyra.errors import ProfileError
from palmyra.resource_files import entries, tab_rows, words


def test_resource_files_entries_skip_the_header_and_keep_line_numbers():
    numbered = entries("force_nouns.txt")
    assert numbered[0] == (6, "forces")  # five header lines of comments first
    assert all(not text.startswith("#") and text == text.strip() for _, text in numbered)
    assert "general" in words("force_nouns.txt")


def test_resource_files_tab_rows_have_their_column_count():
    rows = tab_rows("event_cues.tsv", 2)
    assert ("warplane", "air") in [fields for _, fields in rows]
    with pytest.raises(ProfileError, match=r"event_cues.tsv:\d+: expected 3 tab-separated"):
        tab_rows("event_cues.tsv", 3)


def test_resource_files_missing_list_is_named():
    with pytest.raises(ProfileError, match="resources/no_such_list.txt: missing"):
        entries("no_such_list.txt")
