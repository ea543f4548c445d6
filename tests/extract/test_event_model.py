"""The event-sentence model: its training data, its cross-validation folds, the decisions it
takes in the extractor, and the shipped model on real-looking sentences."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from palmyra.extract.events.model import (
    DEFAULTS,
    NONE,
    SentenceScores,
    load_classifier,
    rejects,
    retyped,
    shipped_model_dir,
    sure_of_none,
)
from palmyra.train.event_cv import report_folds
from palmyra.train.event_examples import gold_examples, recall_examples, recall_items

SETTINGS = {**DEFAULTS, "model_retype": 0.8, "model_reject": 0.9}


def _report(rid: str, sub: str | None) -> dict:
    return {"id": rid, "text": f"Report {rid}.", "sub_event_type": sub}


def test_training_reports_come_from_dev_and_train_files_never_test(tmp_path: Path):
    recall = tmp_path / "recall"
    recall.mkdir()
    for name, rid in (("dev", "d-1"), ("train", "t-1"), ("train2", "t2-1"), ("train3", "t3-1"),
                      ("test", "x-1")):
        (recall / f"{name}.jsonl").write_text(json.dumps(_report(rid, "Arrests")) + "\n",
                                              encoding="utf-8")
    assert [e.source for e in recall_examples(tmp_path)] == ["d-1", "t-1", "t2-1", "t3-1"]
    (recall / "train2.jsonl").unlink()  # a missing training file is skipped
    assert [i["id"] for i in recall_items(tmp_path)] == ["d-1", "t-1", "t3-1"]


def test_training_articles_come_from_dev_and_train_splits_never_test(tmp_path: Path, nlp):
    for split in ("dev", "train", "test"):
        folder = tmp_path / split
        folder.mkdir()
        name = f"{split}-1.txt"
        evidence = f"Air strikes hit the {split} town of Saraqeb on Monday."
        (folder / name).write_text(f"Title\n\n{evidence} Talks went on.\n", encoding="utf-8")
        event = {"evidence": evidence, "event_type": "Explosions/Remote violence",
                 "sub_event_type": "Air/drone strike", "date": None, "date_precision": None,
                 "location": "Saraqeb", "admin1": "Idlib", "country": "Syria",
                 "actor1": None, "actor2": None, "fatalities": None, "injured": None}
        gold = {"doc": name, "title": "Title", "outlet": None, "author": None,
                "published": None, "body_end": None, "events": [event], "quotes": [],
                "citations": []}
        (folder / (name + ".gold.json")).write_text(json.dumps(gold), encoding="utf-8")
    examples = list(gold_examples(tmp_path, nlp))
    assert sorted({e.source for e in examples}) == ["dev-1.txt", "train-1.txt"]
    labelled = [e.text for e in examples if e.labels]
    assert labelled == ["Air strikes hit the dev town of Saraqeb on Monday.",
                        "Air strikes hit the train town of Saraqeb on Monday."]
    (tmp_path / "train" / "train-1.txt.gold.json").unlink()
    (tmp_path / "train" / "train-1.txt").unlink()
    (tmp_path / "train").rmdir()  # a corpus without a train split still trains on dev
    assert {e.source for e in gold_examples(tmp_path, nlp)} == {"dev-1.txt"}


def test_folds_are_disjoint_stratified_and_seeded():
    items = [_report(f"a{n}", "Arrests") for n in range(10)]
    items += [_report(f"g{n}", "Grenade") for n in range(7)]
    items += [_report(f"n{n}", None) for n in range(13)]
    folds = report_folds(items, 5, seed=13)
    ids = [rid for fold in folds for rid in fold]
    assert sorted(ids) == sorted(i["id"] for i in items)  # each report in exactly one fold
    assert max(map(len, folds)) - min(map(len, folds)) <= 1
    for fold in folds:  # every stratum spread over the folds
        kinds = Counter(rid[0] for rid in fold)
        assert kinds["a"] == 2 and kinds["n"] in (2, 3) and kinds["g"] in (1, 2)
    assert report_folds(items, 5, seed=13) == folds
    assert report_folds(items, 5, seed=14) != folds


def test_retype_takes_the_models_confident_sub_type_in_a_one_trigger_sentence():
    killing = {"Attack": 0.98, "Armed clash": 0.01, NONE: 0.01}
    assert retyped("Armed clash", killing, 1, SETTINGS) == (
        "Violence against civilians", "Attack")
    # within remote violence the rules read the weapon the verb names: "shelled" stays
    # shelling unless the setting lets the model re-type within an event type
    scores = {"Air/drone strike": 0.99, "Shelling/artillery/missile attack": 0.005, NONE: 0.005}
    assert retyped("Shelling/artillery/missile attack", scores, 1, SETTINGS) is None
    assert retyped("Shelling/artillery/missile attack", scores, 1,
                   {**SETTINGS, "model_retype_within": True}) == (
        "Explosions/Remote violence", "Air/drone strike")
    scores = {"Air/drone strike": 0.85, "Shelling/artillery/missile attack": 0.1, NONE: 0.05}
    # two triggers: one softmax for two events, the rules keep their sub-types
    assert retyped("Shelling/artillery/missile attack", scores, 2, SETTINGS) is None
    assert retyped("Air/drone strike", scores, 1, SETTINGS) is None
    unsure = {**scores, "Air/drone strike": 0.6, NONE: 0.3}
    assert retyped("Shelling/artillery/missile attack", unsure, 1,
                   {**SETTINGS, "model_retype_within": True}) is None
    assert retyped("Armed clash", scores, 1, {**SETTINGS, "mode": "rules"}) is None
    assert retyped("Armed clash", {}, 1, SETTINGS) is None
    # who gains territory is the rules' reading of the actors
    taken = {"Government regains territory": 0.99, NONE: 0.01}
    assert retyped("Non-state actor overtakes territory", taken, 1, SETTINGS) is None


def test_reject_needs_a_confident_none():
    assert rejects({NONE: 0.95, "Attack": 0.05}, SETTINGS)
    assert not rejects({NONE: 0.85, "Attack": 0.15}, SETTINGS)
    assert not rejects({NONE: 0.95}, {**SETTINGS, "mode": "rules"})
    assert not rejects({}, SETTINGS)


def test_a_placed_veto_needs_its_setting_and_a_confident_none():
    """``model_veto_placed`` is off by default; set, it asks for NONE at least its value."""
    assert not sure_of_none({NONE: 0.999}, DEFAULTS)
    placed = {**DEFAULTS, "model_veto_placed": 0.95}
    assert sure_of_none({NONE: 0.96, "Attack": 0.04}, placed)
    assert not sure_of_none({NONE: 0.9, "Attack": 0.1}, placed)
    assert not sure_of_none({NONE: 0.99}, {**placed, "mode": "rules"})


@pytest.fixture(scope="module")
def shipped():
    nlp = load_classifier(str(shipped_model_dir()))
    if nlp is None:
        pytest.skip("no event-sentence model trained")
    return nlp


def _top(nlp, text: str, *, sub_type: bool = False) -> str:
    """The likeliest class, or (``sub_type``) the likeliest sub-type, as the extractor's
    proposals and re-typing read it."""
    cats = {k: v for k, v in nlp(text).cats.items() if not (sub_type and k == NONE)}
    return max(cats, key=cats.__getitem__)


def test_shipped_model_reads_events_and_non_events(shipped):
    assert _top(shipped, "Warplanes bombed the town of Ariha on Monday, killing 11 civilians,"
                         " a monitor said.") == "Air/drone strike"
    assert _top(shipped, "Thousands of people marched peacefully through the capital on Friday"
                         " to demand the release of political prisoners.",
                sub_type=True) == "Peaceful protest"
    assert _top(shipped, "The central bank kept interest rates unchanged on Thursday, citing"
                         " slowing inflation.") == NONE


def test_sentence_scores_key_each_sentence_by_its_start(nlp, shipped):
    doc = nlp("Gunmen abducted two aid workers near Gao on Sunday. The weather was mild.")
    sents = list(doc.sents)
    scores = SentenceScores.of(sents)
    assert set(scores.by_start) == {s.start for s in sents}
    first = scores.get(sents[0])
    assert abs(sum(first.values()) - 1.0) < 1e-3  # one softmax over the sub-types and NONE


def test_members_share_one_tokenisation_and_score_as_each_alone(nlp, shipped):
    """The members of the shipped model share a tokenizer, so one tokenisation serves
    them all; each member's scores are bit for bit what its own ``pipe`` gives, over a real
    article of more sentences than a batch holds."""
    from palmyra.extract.events.model import _shares_tokens, classifier_text
    from palmyra.extract.events.syntax import sentences

    assert _shares_tokens(shipped.members)
    gold = Path(__file__).resolve().parents[2] / "gold" / "dev"
    texts = [classifier_text(s.text) for f in sorted(gold.glob("*.txt"))[:8]
             for s in sentences(nlp(f.read_text(encoding="utf-8")))]
    assert len(texts) > 64
    alone = [[d.cats for d in m.pipe(texts, batch_size=64)] for m in shipped.members]
    expected = [{k: sum(a[i][k] for a in alone) / len(alone) for k in alone[0][i]}
                for i in range(len(texts))]
    assert [s.cats for s in shipped.pipe(texts)] == expected


def test_a_batch_scored_ahead_gives_each_document_its_own_scores(nlp, shipped):
    """``prefetch`` scores the sentences of several articles in one call; each article then
    gets, bit for bit, the scores it computes alone, and a sentence the batch did not hold
    is scored anew."""
    from palmyra.extract.events import model
    from palmyra.extract.events.syntax import sentences

    gold = Path(__file__).resolve().parents[2] / "gold" / "dev"
    docs = [nlp(f.read_text(encoding="utf-8")) for f in sorted(gold.glob("*.txt"))[:6]]
    model._BATCH.clear()
    alone = [SentenceScores.of(list(sentences(d))).by_start for d in docs]
    SentenceScores.prefetch([s for d in docs[:5] for s in sentences(d)])
    assert len(model._BATCH[0][1]) > 64
    assert [SentenceScores.of(list(sentences(d))).by_start for d in docs] == alone
    other = nlp("Gunmen abducted two aid workers near Gao on Sunday.")
    assert set(SentenceScores.of(list(other.sents)).by_start) == {0}
    model._BATCH.clear()


def test_members_of_different_tokenizers_tokenise_each_alone(shipped):
    import spacy

    from palmyra.extract.events.model import SeedEnsemble, _shares_tokens

    own = spacy.load(shipped_model_dir() / "member-1")
    own.tokenizer.add_special_case("Ariha", [{"ORTH": "Ari"}, {"ORTH": "ha"}])
    mixed = SeedEnsemble((own, *shipped.members[1:]))
    assert not _shares_tokens(mixed.members)
    text = "Jets bombed the market in Ariha."
    alone = [m(text).cats for m in mixed.members]
    assert mixed(text).cats == {k: sum(a[k] for a in alone) / len(alone) for k in alone[0]}


def test_training_is_deterministic_for_a_seed():
    from palmyra.train.event_examples import Example
    from palmyra.train.event_model import train

    examples = [Example("Jets bombed the market in Ariha.", frozenset({"Air/drone strike"}), "a"),
                Example("Police arrested six activists in Homs.", frozenset({"Arrests"}), "b"),
                Example("The minister opened a new school.", frozenset(), "c")] * 4
    first, again = (train(examples, seed=5, epochs=2, members=2) for _ in range(2))
    other = train(examples, seed=6, epochs=2, members=2)
    weights = [[m.get_pipe("textcat").model.to_bytes() for m in e.members]
               for e in (first, again, other)]
    assert weights[0] == weights[1]
    assert weights[0] != weights[2]
    assert weights[0][0] != weights[0][1]  # members differ by their seeds
    assert weights[0][1] == weights[2][0]  # seeds 5, 6 and 6, 7


def test_saved_members_load_and_average(tmp_path: Path):
    from palmyra.train.event_examples import Example
    from palmyra.train.event_model import save, train

    examples = [Example("Jets bombed the market in Ariha.", frozenset({"Air/drone strike"}), "a"),
                Example("The minister opened a new school.", frozenset(), "c")] * 4
    fitted = train(examples, seed=5, epochs=2, members=2)
    (tmp_path / "config.cfg").write_text("an older single model's file")
    save(fitted, tmp_path, examples, 5)
    assert not (tmp_path / "config.cfg").exists()
    loaded = load_classifier(str(tmp_path))
    assert len(loaded.members) == 2
    text = "Jets bombed the market in Ariha."
    alone = [m(text).cats for m in loaded.members]
    assert alone[0] != alone[1]
    averaged = loaded(text).cats
    for label, p in averaged.items():
        assert abs(p - (alone[0][label] + alone[1][label]) / 2) < 1e-6
