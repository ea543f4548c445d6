"""Reading a PTC folder: articles, labels, stripped span edges, errors that name the file."""

from __future__ import annotations

import pytest

from palmyra.errors import InputError
from palmyra.techniques.corpus import read_split

from .ptc_fixture import write_ptc


def test_corpus_reads_labels_that_slice_back_to_their_words(tmp_path):
    articles = read_split(write_ptc(tmp_path), "train")
    assert len(articles) == 6
    words = {art.text[x.start:x.end] for art in articles for x in art.labels}
    assert {"radical terrorists", "Our great nation", "so-called experts"} <= words


def test_corpus_strips_white_space_from_span_edges(tmp_path):
    root = write_ptc(tmp_path, articles=1)
    text = (root / "dev/dev-articles/article100.txt").read_text(encoding="utf-8")
    start = text.index("great nation")
    (root / "dev/dev-task-TC.labels").write_text(
        f"100\tFlag-Waving\t{start - 1}\t{start + 13}\n", encoding="utf-8")
    [art] = read_split(root, "dev")
    assert [art.text[x.start:x.end] for x in art.labels] == ["great nation"]


def test_corpus_names_the_bad_label_line(tmp_path):
    root = write_ptc(tmp_path, articles=1)
    (root / "dev/dev-task-TC.labels").write_text("100\tNot_A_Technique\t0\t4\n", encoding="utf-8")
    with pytest.raises(InputError, match="dev-task-TC.labels:1"):
        read_split(root, "dev")


def test_corpus_missing_split_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no PTC split"):
        read_split(tmp_path, "train")
