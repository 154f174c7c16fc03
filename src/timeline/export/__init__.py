"""Exports and imports of a :class:`timeline.Timeline`, one small module per format.

- :mod:`~timeline.export.timeline_json`: the lossless JSON document ``timeline/1``
  (:meth:`Timeline.to_json <timeline.Timeline.to_json>`, :meth:`~timeline.Timeline.from_json`),
  described by the JSON Schema :func:`json_schema` returns;
- :mod:`~timeline.export.timelinejs`: Knight Lab TimelineJS3 JSON
  (:meth:`~timeline.Timeline.to_timelinejs`);
- :mod:`~timeline.export.timeml`: one article as a TimeML document with its times, events and
  links (:func:`timeline.to_timeml`), as TempEval-3 tools read it;
- :mod:`~timeline.export.ics`: an iCalendar (RFC 5545) file (:meth:`~timeline.Timeline.to_ics`);
- :mod:`~timeline.export.dataframe`: a pandas ``DataFrame``, one row per event
  (:meth:`~timeline.Timeline.to_dataframe`, with the ``pandas`` extra);
- :mod:`~timeline.export.html`: a standalone HTML page (:meth:`~timeline.Timeline.to_html`).
- :mod:`~timeline.export.text`: the plain-text listing ``timeline build`` prints
  (:meth:`~timeline.Timeline.to_text`, ``str(timeline)``).

>>> json_schema()["$id"]
'urn:news-timeline:schema:timeline-1'
"""

from timeline.export.timeline_json import json_schema

__all__ = ["json_schema"]
