"""The steps of merging, which :func:`timeline.cluster.cluster` runs: what a group of mentions
agrees on (:mod:`~timeline.merging.groups`), how their predicates compare
(:mod:`~timeline.merging.predicates`), how alike their articles are
(:mod:`~timeline.merging.likeness`), the candidate pairs (:mod:`~timeline.merging.blocking`),
their scores and vetoes (:mod:`~timeline.merging.scoring`) and the loop that joins groups
(:mod:`~timeline.merging.clustering`).
"""

__all__: list[str] = []
