"""The false-alarm cause table (benchmarks/false_alarm_causes.py) gives each cause."""

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "false_alarm_causes.py"
_SPEC = importlib.util.spec_from_file_location("false_alarm_causes", _PATH)
fac = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fac)

TEXT = ("Air strikes killed 12 people in Saraqeb on Monday, a monitor said. "
        "The strikes on Saraqeb also wounded 20. Rebels said the army shelled Taftanaz.")
LEAD = "Air strikes killed 12 people in Saraqeb on Monday, a monitor said."
SECOND = "The strikes on Saraqeb also wounded 20."
THIRD = "Rebels said the army shelled Taftanaz."


def _pred(sub, place, evidence, date="2016-08-01"):
    at = TEXT.find(evidence)
    return {"sub_event_type": sub, "location": place, "date": date,
            "date_precision": "day", "spans": [[at, at + len(evidence)]]}


def _gold(sub, place, evidence, date="2016-08-01"):
    return {"sub_event_type": sub, "location": place, "date": date,
            "date_precision": "day", "evidence": evidence}


def test_each_cause():
    golds = [_gold("Air/drone strike", "Saraqib", LEAD),
             _gold("Shelling/artillery/missile attack", "Taftanaz", THIRD)]
    matched = {0: 0}  # the strike is found, the shelling missed
    published = "2016-08-02"

    def cause(pred):
        return fac.classify(pred, golds, matched, TEXT, published)[0]

    assert cause(_pred("Air/drone strike", "Saraqib", SECOND)) == "duplicate"
    assert cause(_pred("Air/drone strike", "Idlib", LEAD)) == "extra-place"
    assert cause(_pred("Shelling/artillery/missile attack", "Binnish", THIRD)) == "twin-place"
    assert cause(_pred("Shelling/artillery/missile attack", "Taftanaz", THIRD,
                       date="2016-07-01")) == "twin-date"
    assert cause(_pred("Armed clash", "Taftanaz", THIRD)) == "typed"
    assert cause(_pred("Armed clash", "Saraqib", LEAD)) == "extra-type"
    golds_only_lead = golds[:1]
    assert fac.classify(_pred("Attack", "Binnish", SECOND, date="2015-01-01"),
                        golds_only_lead, matched, TEXT, published)[0] == "background"
    assert fac.classify(_pred("Attack", "Binnish", SECOND), golds_only_lead, matched, TEXT,
                        published)[0] == "no-gold"
