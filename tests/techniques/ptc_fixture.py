"""A tiny PTC-shaped folder of invented sentences, laid out as the organisers lay out PTC."""

from __future__ import annotations

from pathlib import Path

# (sentence, [(technique, words of the sentence that use it)])
SENTENCES = [
    ("The radical terrorists burned the village again.",
     [("Name_Calling,Labeling", "radical terrorists")]),
    ("Our great nation will never bow to these thugs!", [("Flag-Waving", "Our great nation"),
                                                        ("Name_Calling,Labeling", "thugs")]),
    ("The so-called experts claim the wells are safe.", [("Doubt", "so-called experts")]),
    ("The council met on Tuesday to discuss the budget.", []),
    ("A horrific, barbaric massacre shocked the town.",
     [("Loaded_Language", "horrific, barbaric")]),
    ("The mayor said the road would reopen in May.", []),
]


def write_ptc(root: Path, articles: int = 6) -> Path:
    """``root/train`` and ``root/dev``, each of ``articles`` articles of the sentences above,
    with per-split TC label files. Returns ``root``."""
    for split in ("train", "dev"):
        folder = root / split / f"{split}-articles"
        folder.mkdir(parents=True)
        labels = []
        for n in range(articles):
            art_id = str(100 + n)
            lines = ["A title", ""]
            pos = len("A title\n\n")
            order = SENTENCES[n % len(SENTENCES):] + SENTENCES[:n % len(SENTENCES)]
            for sentence, spans in order:
                for technique, words in spans:
                    start = pos + sentence.index(words)
                    labels.append(f"{art_id}\t{technique}\t{start}\t{start + len(words)}")
                lines.append(sentence)
                pos += len(sentence) + 1
            (folder / f"article{art_id}.txt").write_text("\n".join(lines) + "\n",
                                                         encoding="utf-8")
        (root / split / f"{split}-task-TC.labels").write_text("\n".join(labels) + "\n",
                                                              encoding="utf-8")
    return root
