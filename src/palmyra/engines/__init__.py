"""Engines: how documents flow from the readers through the pipeline to one writer.

``api.analyze`` hands an engine a stream of jobs and gets back, lazily and in
bounded amounts, each job's store rows or its failure; one writer (``sink``)
commits them. The per-document work (``jobs.run_jobs``) is the same pure
function everywhere, so every engine stores the same facts:

- ``local``: in this process (``--workers 1``) or in a pool of worker processes,
  each loading spaCy once;
- ``ray``: a Ray Data pipeline (read, then ``map_batches`` over an actor pool
  holding the loaded pipeline), on a local Ray or a cluster.
"""

ENGINES = ("local", "ray")
