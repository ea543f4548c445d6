"""Extractors: the facts an article states, read from its annotated ``Doc``, one folder per kind.

- ``events``: ACLED-style events with date, place, actors, counts and modality;
- ``quotes``: direct quotations and reported speech with their speakers;
- ``citations``: the publications an article names as its sources;
- ``framing``: the outlet's own choice of words (loaded terms, scare quotes).

The modules here are helpers shared by more than one kind: ``lexicon`` (cue word
lists), ``outlets`` (outlet names in the text), ``positions`` (sentence look-up)
and ``quotemarks`` (pairing quotation marks).
"""
