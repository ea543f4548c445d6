"""Check a recall file of short reports (gold/recall/*.jsonl) before it is committed.

Every line must be a JSON object with the recall fields; a conflict report's
sub_event_type must sit under its event_type as gold/SCHEMA.md and the table of
gold/GUIDE.md list them (the table is read to check the list below), a non-conflict
report has both null and no actors; ids are unique; no text repeats one of the file
itself or of the other files given with --against (train.jsonl, dev.jsonl).

    python scripts/check_recall.py gold/recall/train2.jsonl \
        --against gold/recall/train.jsonl gold/recall/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

TYPES = {
    "Battles": ["Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack",
                                   "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
FIELDS = ["id", "text", "published", "country", "event_type", "sub_event_type", "location",
          "actor1", "actor2", "note"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def check(path: Path, against: list[Path], schema: Path | None) -> list[str]:
    problems: list[str] = []
    if schema is not None and schema.is_file():
        listed = " ".join(schema.read_text(encoding="utf-8").split())
        for etype, subs in TYPES.items():
            problems += [f"{schema}: {etype} / {s} not in its table" for s in subs
                         if f"| {etype} | {s} |" not in listed]
    parent = {s: t for t, subs in TYPES.items() for s in subs}
    seen_texts = {norm(json.loads(line)["text"]): str(p)
                  for p in against for line in p.read_text(encoding="utf-8").splitlines()
                  if line.strip()}
    ids: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not JSON ({err.msg})")
            continue
        if not isinstance(item, dict) or list(item) != FIELDS:
            problems.append(f"{where}: fields must be {FIELDS}")
            continue
        for key in FIELDS:
            value = item[key]
            if value is not None and not (isinstance(value, str) and value.strip()):
                problems.append(f"{where}: {key} must be a non-empty string or null")
        if not item["id"] or item["id"] in ids:
            problems.append(f"{where}: id {item['id']!r} missing or repeated")
        ids.add(item["id"])
        if not item["text"] or not item["country"]:
            problems.append(f"{where}: text and country are required")
            continue
        if item["published"] is not None and not DATE.match(item["published"]):
            problems.append(f"{where}: published {item['published']!r} is not YYYY-MM-DD")
        sub, etype = item["sub_event_type"], item["event_type"]
        if sub is None:
            if etype is not None or item["actor1"] or item["actor2"]:
                problems.append(f"{where}: a non-conflict report has no type and no actors")
        elif parent.get(sub) != etype:
            problems.append(f"{where}: {sub!r} is not a sub-type of {etype!r}")
        key = norm(item["text"])
        if key in seen_texts:
            problems.append(f"{where}: text repeats one in {seen_texts[key]}")
        seen_texts[key] = where
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--against", type=Path, nargs="*", default=[])
    parser.add_argument("--schema", type=Path, default=Path("gold/GUIDE.md"))
    args = parser.parse_args()
    problems = check(args.file, args.against, args.schema)
    for p in problems:
        print(p)
    lines = sum(1 for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip())
    print(f"{args.file}: {lines} reports, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
