"""Scoring what Palmyra extracted: against gold annotations and against FA-KES.

- ``gold``: read and check ``*.gold.json`` files (shared/gold/SCHEMA.md).
- ``dates``, ``places``: the comparisons dates and place names need.
- ``match``: when a predicted fact is a gold fact, and when a field is right.
- ``score``: counts summed over articles into P/R/F1 and accuracies.
- ``fakes``: main event per FA-KES article against the crowd's fields.
- ``api``: ``evaluate_gold`` and ``evaluate_fakes``, the calls over a store.
- ``report``: Rich tables for people; the result dicts are the JSON for machines.
- ``cli``: the ``palmyra eval`` command.
"""

from palmyra.evaluate.api import evaluate_fakes, evaluate_gold

__all__ = ["evaluate_fakes", "evaluate_gold"]
