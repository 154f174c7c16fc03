"""Find and resolve the time expressions of one of the example articles bundled with timeline.

Run it from anywhere once the package is installed::

    python examples/first_timeline.py
"""

from timeline import find_times
from timeline.examples import load_examples


def main() -> None:
    article = load_examples()[0]
    print(article.title)
    print(f"{article.source}, published {article.published}\n")
    for t in find_times(article.text, published=article.published):
        where = f"{t.start}:{t.end}"
        anchor = f"anchored on {t.anchor.kind} {t.anchor.value}" if t.anchor else "no anchor"
        print(f"{where:>9}  {t.text!r:32} {t.type:8} {t.value:14} {anchor}")


if __name__ == "__main__":
    main()
