"""Writing timelines out: a self-contained HTML page (:func:`timeline.export.html.to_html`)."""
