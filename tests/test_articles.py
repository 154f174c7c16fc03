"""timeline.read_articles: front matter, plain text, JSON, JSON lines, pages, feeds, tables;
publication dates in any common format; errors that name their file and line."""

from __future__ import annotations

import io
import json
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import Article
from timeline.articles import (
    FIELDS,
    ArticleError,
    parse_article,
    parse_published,
    printed_date,
    read_each,
    with_printed_date,
)
from timeline.metadata import Metadata

DATA = Path(__file__).parent / "data" / "articles"
TEHRAN = timezone(timedelta(hours=3, minutes=30))


def errors_of(sources, **options) -> tuple[list[Article], list[str]]:
    found: list[ArticleError] = []
    articles = timeline.read_articles(sources, on_error=found.append, **options)
    return articles, [str(error) for error in found]


# --- front matter and plain text ----------------------------------------------------------------


def test_front_matter_fields_beyond_the_article_s_are_kept_in_meta():
    article = parse_article(
        "---\n"
        "published: Tue, 07 Jan 2020 10:31:00 +0330\n"
        "id: 5\n"
        "title: 'Iran: a reply'\n"
        "url: https://example.org/a1\n"
        "author: Jane Doe\n"
        "date: 2020-01-07\n"
        "tags: [iran, iraq]\n"
        "extra: {words: 120, paywall: false}\n"
        "---\n\n"
        "On Sunday, MPs voted.\n\n"
    )
    assert article == Article(
        "On Sunday, MPs voted.",
        datetime(2020, 1, 7, 10, 31, tzinfo=TEHRAN),
        "5",
        title="Iran: a reply",
        meta={
            "url": "https://example.org/a1",
            "author": "Jane Doe",
            "date": "2020-01-07",
            "tags": ["iran", "iraq"],
            "extra": {"words": 120, "paywall": False},
        },
    )
    assert article.meta["tags"] == ("iran", "iraq")
    assert article in {article}  # frozen and hashable, meta and all


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("---\npublished: 2020-01-08\n", "bad.txt: the front matter has no closing '---' line"),
        (
            "---\nid: a\ntitle: Iran: a reply\n---\nText",
            "bad.txt:3: the front matter is not YAML: mapping values are not allowed here "
            "(column 12); quote a value that holds ': ' or starts with a special character",
        ),
        ("---\n- a list\n---\nText", "bad.txt:2: the front matter must be 'field: value' lines"),
        (
            "---\nid: a\n\npublished: 8 Janvember 2020\n---\nText",
            "bad.txt:4: published '8 Janvember 2020' is not a date: expected a day with its "
            "year, e.g. 2020-01-07, 7 January 2020, Tue, 07 Jan 2020 10:31:00 +0330",
        ),
        ("---\ntitle: [1984]\n---\nText", 'bad.txt:2: "title" must be a string, not an array'),
        ("---\nid: {a: 1}\n---\nText", 'bad.txt:2: "id" must be a string, not an object'),
        ("---\ntext: here\n---\nText", "bad.txt:2: the text goes after the front matter"),
        ("---\nid: a\n---\n\n  \n", "bad.txt: the article has no text"),
        ("\n\n", "bad.txt: the article has no text"),
    ],
)
def test_a_bad_front_matter_names_its_line(raw: str, message: str):
    with pytest.raises(ArticleError) as error:
        parse_article(raw, name="bad.txt")
    assert str(error.value) == message


def test_the_article_s_fields_are_read_as_written_not_as_yaml_types():
    article = parse_article("---\nid: 007\ntitle: 1984\nsource: no\nn: 007\n---\nText")
    assert (article.id, article.title, article.source, article.meta["n"]) == (
        "007",
        "1984",
        "no",
        7,
    )


def test_plain_text_is_an_article_dated_only_when_told(tmp_path: Path):
    Path(tmp_path, "note.txt").write_text("\nOn Sunday, MPs voted.\n", encoding="utf-8")
    [undated] = timeline.read_articles(tmp_path / "note.txt")
    assert undated == Article("On Sunday, MPs voted.", id="note")
    [dated] = timeline.read_articles(tmp_path, published=date(2020, 1, 7))
    assert dated.published == date(2020, 1, 7)


# --- JSON and JSON lines ------------------------------------------------------------------------


def test_json_lines_errors_name_their_line(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(
            [
                '{"text": "Good.", "published": "2020-01-07", "url": "https://x.org/1"}',
                '{"text": "Cut off',
                '{"published": "2020-01-07"}',
                '{"text": "Undated.", "published": "7 Jan"}',
                '{"text": ["a", "list"]}',
                '{"text": "  "}',
                '"just a string"',
                '{"text": "Bad \\ud800 text."}',
                '{"text": "Bad id.", "id": true}',
                '{"text": "A.", "published": "07/01/2020"}',
            ]
        ),
        encoding="utf-8",
    )
    articles, errors = errors_of(path)
    assert articles == [
        Article("Good.", date(2020, 1, 7), "feed#1", meta={"url": "https://x.org/1"})
    ]
    name = str(path)
    assert errors == [
        f"{name}:2: invalid JSON: Unterminated string starting at (column 10)",
        f'{name}:3: missing "text"',
        f"{name}:4: published '7 Jan' is not a date: expected a day with its year, e.g. "
        "2020-01-07, 7 January 2020, Tue, 07 Jan 2020 10:31:00 +0330",
        f'{name}:5: "text" must be a string, not an array',
        f"{name}:6: the article has no text",
        f"{name}:7: expected an article (a JSON object), not a string",
        f"{name}:8: Article.text holds a lone surrogate (U+D800 at offset 4), which is not "
        "Unicode text",
        f'{name}:9: "id" must be a string, not true/false',
        f"{name}:10: published '07/01/2020' is ambiguous: 7 January 2020 (DMY) or 1 July 2020 "
        "(MDY); state the order (date_order, --date-order)",
    ]


def test_a_json_list_names_the_line_of_each_item(tmp_path: Path):
    path = tmp_path / "items.json"
    path.write_text(
        '[\n  {"text": "A.", "id": 7},\n\n  {"text": "B.", "published": "2020-02-30"}\n]',
        encoding="utf-8",
    )
    articles, errors = errors_of(path)
    assert articles == [Article("A.", id="7")]
    assert errors == [
        f"{path}:4: published '2020-02-30' is not a date: expected a day with its year, e.g. "
        "2020-01-07, 7 January 2020, Tue, 07 Jan 2020 10:31:00 +0330"
    ]
    path.write_text('[\n  {"text": "A."},\n  {"text": }\n]', encoding="utf-8")
    assert errors_of(path)[1] == [f"{path}:3: invalid JSON: Expecting value (column 12)"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(items=st.lists(_JSON, max_size=6), indent=st.sampled_from([None, 0, 2]))
def test_each_bad_item_of_a_json_list_is_reported_at_its_line(items: list, indent: int | None):
    items = [item for item in items if not (isinstance(item, dict) and "text" in item)]
    raw = json.dumps(items, indent=indent)
    if indent is None:
        expected = [1] * len(items)
    else:  # "[" on line 1, then each item on as many lines as it takes alone
        sizes = [json.dumps(item, indent=indent).count("\n") + 1 for item in items]
        expected = [2 + sum(sizes[:k]) for k in range(len(items))]
    found: list[ArticleError] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "list.json")
        path.write_text(raw, encoding="utf-8")
        assert timeline.read_articles(path, on_error=found.append) == []
    assert [error.line for error in found] == expected


_ARTICLES = st.builds(
    Article,
    text=st.text(min_size=1).filter(str.strip),
    published=st.none() | st.dates() | st.datetimes(),
    id=st.text(min_size=1),
    source=st.none() | st.text(),
    title=st.none() | st.text(),
    meta=st.dictionaries(
        st.text().filter(lambda key: key not in FIELDS), st.text() | st.integers(), max_size=2
    ),
)


@given(articles=st.lists(_ARTICLES, max_size=4))
def test_json_lines_read_back_as_the_articles_written(articles: list[Article]):
    lines = [
        json.dumps(
            {
                "text": a.text,
                "published": a.published.isoformat() if a.published else None,
                "id": a.id,
                "source": a.source,
                "title": a.title,
                **a.meta.to_json(),
            }
        )
        for a in articles
    ]
    reads = list(read_each(io.StringIO("\n".join(lines))))
    assert [read.article for read in reads] == articles
    assert [read.where for read in reads] == [f"<stream>:{n}" for n in range(1, len(articles) + 1)]


def test_records_articles_and_fields_named_otherwise():
    given = Article("Kept as it is.", id="x")
    articles = timeline.read_articles(
        [given, {"body": "MPs voted.", "date": "7 January 2020", "link": "https://x.org"}],
        fields={"text": "body", "published": "date", "url": "link"},
    )
    assert articles == [
        given,
        Article("MPs voted.", date(2020, 1, 7), meta={"url": "https://x.org"}),
    ]
    with pytest.raises(ValueError, match="fields names no article field 'body'"):
        timeline.read_articles([], fields={"body": "text"})
    with pytest.raises(ValueError, match="date_order must be one of DMY, MDY, YMD"):
        timeline.read_articles([], date_order="DM")


# --- publication dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-07", date(2020, 1, 7)),
        ("2020-01-07T09:30", datetime(2020, 1, 7, 9, 30)),
        ("2020-01-07T09:30:00Z", datetime(2020, 1, 7, 9, 30, tzinfo=timezone.utc)),
        ("2020-01-07 09:30+0100", datetime(2020, 1, 7, 9, 30, tzinfo=timezone(timedelta(hours=1)))),
        ("Tue, 07 Jan 2020 10:31:00 +0330", datetime(2020, 1, 7, 10, 31, tzinfo=TEHRAN)),
        ("Mon, 06 Jan 2020 23:00:00 GMT", datetime(2020, 1, 6, 23, tzinfo=timezone.utc)),
        (
            "Jan 7, 2020 10:31 EST",
            datetime(2020, 1, 7, 10, 31, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("7 January 2020", date(2020, 1, 7)),
        ("January 7, 2020", date(2020, 1, 7)),
        ("7 janvier 2020", date(2020, 1, 7)),
        ("7. Januar 2020", date(2020, 1, 7)),
        ("7 de enero de 2020", date(2020, 1, 7)),
        ("13/01/2020", date(2020, 1, 13)),
        ("2020/01/07", date(2020, 1, 7)),
    ],
)
def test_publication_dates_in_common_formats(text: str, expected: date | datetime):
    found = parse_published(text)
    assert found == expected
    assert type(found) is type(expected)
    if isinstance(expected, datetime):
        assert found.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("07/01/2020", "DMY", date(2020, 1, 7)),
        ("07/01/2020", "MDY", date(2020, 7, 1)),
        ("07.01.2020", "DMY", date(2020, 1, 7)),
        ("20/01/07", "YMD", date(2020, 1, 7)),
    ],
)
def test_an_ambiguous_date_is_read_in_the_order_stated(text: str, order: str, expected: date):
    assert parse_published(text, date_order=order) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("07/01/2020", "'07/01/2020' is ambiguous: 7 January 2020 (DMY) or 1 July 2020 (MDY)"),
        ("2 hours ago", "'2 hours ago' is relative; give the reference time it counts from"),
        ("yesterday", "'yesterday' is relative"),
        ("January 2020", "'January 2020' is not a date"),
        ("2020", "'2020' is not a date"),
        ("2020-02-30", "'2020-02-30' is not a date"),
        ("someday", "'someday' is not a date"),
    ],
)
def test_what_is_not_one_day_is_refused_never_guessed(text: str, message: str):
    with pytest.raises(ValueError) as error:
        parse_published(text)
    assert str(error.value).startswith(message)


def test_relative_dates_count_from_the_reference_given():
    noon = datetime(2020, 1, 7, 12, tzinfo=timezone.utc)
    assert parse_published("2 hours ago", reference=noon) == datetime(
        2020, 1, 7, 10, tzinfo=timezone.utc
    )
    assert parse_published("yesterday", reference=noon) == date(2020, 1, 6)


# --- dates printed in the text -----------------------------------------------------------------

FERRY = "Ferry runs aground off the coast\n{line}\nThe ferry ran aground on Monday night."


@pytest.mark.parametrize(
    ("line", "expected", "printed"),
    [
        ("March 4, 2019", date(2019, 3, 4), "March 4, 2019"),
        (
            "Posted on Mon 4 Mar 2019, 9:15 pm",
            datetime(2019, 3, 4, 21, 15),
            "Mon 4 Mar 2019, 9:15 pm",
        ),
        ("Published: March 4, 2019 | Updated: March 5, 2019", date(2019, 3, 4), "March 4, 2019"),
        ("4 March 2019 Last updated at 21:40 GMT", date(2019, 3, 4), "4 March 2019"),
        (
            "Mar 4, 2019 21:15 GMT+01:00",
            datetime(2019, 3, 4, 21, 15, tzinfo=timezone(timedelta(hours=1))),
            "Mar 4, 2019 21:15 GMT+01:00",
        ),
        ("Mar 4, 2019 9:15 PM IST", datetime(2019, 3, 4, 21, 15), "Mar 4, 2019 9:15 PM IST"),
        ("2019-03-04 21:15 EDT", datetime(2019, 3, 4, 21, 15), "2019-03-04 21:15 EDT"),
    ],
)
def test_a_printed_date_line_is_taken_as_the_publication_date(
    line: str, expected: date | datetime, printed: str
):
    found = printed_date(FERRY.format(line=line))
    assert found is not None
    assert (found.published, found.line, found.text) == (expected, 2, printed)
    assert found.published.__class__ is expected.__class__
    assert getattr(found.published, "tzinfo", None) == getattr(expected, "tzinfo", None)


def test_a_published_stamp_is_taken_before_an_update_stamp_above_it():
    text = FERRY.format(line="Updated: March 5, 2019\nFirst published: March 4, 2019")
    found = printed_date(text)
    assert found is not None
    assert (found.published, found.line) == (date(2019, 3, 4), 3)
    assert printed_date(FERRY.format(line="Updated: March 5, 2019")).published == date(2019, 3, 5)


@pytest.mark.parametrize(
    "line",
    [
        "The ferry was built on March 4, 1989.",  # a date in a sentence
        "February 30, 2019",  # no such day
        "March 4",  # no year
        "04/03/2019",  # day and month could be swapped
        "March 2019",  # not a day
    ],
)
def test_what_is_not_a_date_line_of_one_day_is_not_taken(line: str):
    assert printed_date(FERRY.format(line=line)) is None


def test_a_date_line_below_the_top_of_the_text_is_not_taken():
    body = "\n".join(f"The crew counted passenger {n}." for n in range(6))
    assert printed_date(f"Ferry runs aground\n{body}\nMarch 4, 2019") is None
    assert printed_date(f"Ferry runs aground\nMarch 4, 2019\n{body}") is not None


def test_the_order_stated_reads_a_numeric_date_line():
    found = printed_date(FERRY.format(line="04/03/2019"), date_order="DMY")
    assert found is not None and found.published == date(2019, 3, 4)


def test_an_article_is_dated_by_its_printed_date_only_when_asked_and_undated():
    text = FERRY.format(line="Posted: March 4, 2019")
    assert read_each([{"text": text}]).__next__().article.published is None
    [article] = timeline.read_articles([{"text": text}], printed_dates=True)
    assert article.published == date(2019, 3, 4)
    assert dict(article.meta["published_from"]) == {"line": 2, "text": "March 4, 2019"}
    [kept] = timeline.read_articles(
        [{"text": text, "published": "2019-03-06"}], printed_dates=True, published="2019-03-07"
    )
    assert (kept.published, "published_from" in kept.meta) == (date(2019, 3, 6), False)
    given = Article(text, date(2019, 3, 6), "a1")
    assert with_printed_date(given) is given
    [undated, fallback] = timeline.read_articles(
        [Article(text, id="a2"), {"text": "The ferry ran aground."}],
        printed_dates=True,
        published="2019-03-07",
    )
    assert (undated.published, fallback.published) == (date(2019, 3, 4), date(2019, 3, 7))


def test_a_plain_text_file_is_dated_by_its_printed_date(tmp_path: Path):
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY.format(line="March 4, 2019"), encoding="utf-8")
    assert timeline.read_articles(path)[0].published is None
    assert timeline.read_articles(path, printed_dates=True)[0].published == date(2019, 3, 4)


# --- pages, feeds, tables (extras) --------------------------------------------------------------


def test_a_saved_news_page_gives_its_main_text_title_date_and_link():
    pytest.importorskip("trafilatura")
    [read] = read_each(DATA / "iraq-vote.html")
    article = read.article
    assert (article.id, article.title, article.source) == (
        "iraq-vote",
        "Iraq's parliament votes to expel US troops",
        "Example Wire",
    )
    assert article.published == datetime(2020, 1, 6, 10, 31, tzinfo=timezone(timedelta(hours=3)))
    assert dict(article.meta) == {
        "url": "https://wire.example.org/world/iraq-vote",
        "author": "Jane Doe",
    }
    assert article.text.startswith("BAGHDAD - Iraq's parliament voted on Sunday")
    assert article.text.endswith("officials said on Monday.")
    for boilerplate in ("Subscribe", "Most read", "recipes", "Copyright", "Home"):
        assert boilerplate not in article.text


def test_feed_entries_become_articles_with_their_links():
    pytest.importorskip("feedparser")
    rss = timeline.read_articles(DATA / "world.rss")
    assert [(a.id, a.published, a.source, a.meta["url"]) for a in rss] == [
        (
            "wire-2020-0108-001",
            datetime(2020, 1, 8, 2, 15, tzinfo=TEHRAN),
            "Example Wire: World",
            "https://wire.example.org/world/iran-missiles",
        ),
        (
            "https://wire.example.org/world/trump-iran",
            datetime(2020, 1, 8, 11, 40, tzinfo=timezone(timedelta(hours=-5))),
            "Example Wire: World",
            "https://wire.example.org/world/trump-iran",
        ),
    ]
    assert rss[0].text == (
        "TEHRAN - Iran fired more than a dozen missiles at two bases in Iraq housing US troops "
        "early on Wednesday.\n\nThe attack came hours after the funeral of General Soleimani, "
        "the Revolutionary Guards said."
    )
    assert (rss[0].meta["author"], rss[0].meta["tags"]) == ("John Roe", ("Iran", "Iraq"))
    [atom] = timeline.read_articles(DATA / "world.atom")
    assert (atom.id, atom.title, atom.published, atom.meta["url"]) == (
        "urn:example:daily:war-powers",
        "US House votes to limit war powers on Iran",
        datetime(2020, 1, 9, 21, 4, tzinfo=timezone(timedelta(hours=-5))),
        "https://daily.example.org/war-powers",
    )
    assert atom.text.startswith("The House of Representatives voted on Thursday")


def test_table_rows_become_articles_with_chosen_columns(tmp_path: Path):
    pandas = pytest.importorskip("pandas")
    fields = {"text": "body", "title": "headline", "published": "date", "source": "outlet"}
    fields["url"] = "link"
    _, errors = errors_of(DATA / "articles.csv", fields=fields)
    assert errors == [
        f"{DATA / 'articles.csv'}:2: published '10/01/2020' is ambiguous: 10 January 2020 "
        "(DMY) or 1 October 2020 (MDY); state the order (date_order, --date-order)",
        f"{DATA / 'articles.csv'}:3: published '11/01/2020' is ambiguous: 11 January 2020 "
        "(DMY) or 1 November 2020 (MDY); state the order (date_order, --date-order)",
    ]
    rows = timeline.read_articles(DATA / "articles.csv", fields=fields, date_order="DMY")
    assert [(a.id, a.published, a.title, a.source, dict(a.meta)) for a in rows] == [
        (
            "articles#2",
            date(2020, 1, 10),
            "Iraq asks Washington to plan troop departure",
            "Example Wire",
            {"url": "https://wire.example.org/world/departure"},
        ),
        (
            "articles#3",
            date(2020, 1, 11),
            "Ukrainian jet crash: Iran admits error",
            "Example Daily",
            {"url": "https://daily.example.org/jet"},
        ),
    ]
    pytest.importorskip("pyarrow")
    frame = pandas.DataFrame(
        {
            "text": ["MPs voted.", "They left."],
            "published": pandas.to_datetime(
                ["2020-01-05T00:00", "2020-01-06T09:30"], format="ISO8601"
            ),
            "id": [1, 2],
            "words": [2, None],
        }
    )
    frame.to_parquet(tmp_path / "table.parquet")
    assert timeline.read_articles(tmp_path / "table.parquet") == [
        Article("MPs voted.", date(2020, 1, 5), "1", meta={"words": 2.0}),
        Article("They left.", datetime(2020, 1, 6, 9, 30), "2", meta={"words": None}),
    ]


def test_an_input_that_needs_a_missing_extra_says_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(sys.modules, "feedparser", None)
    _, errors = errors_of(DATA / "world.rss")
    assert errors == [
        f"{DATA / 'world.rss'}: reading .rss files needs `pip install 'news-timeline[feeds]'`"
    ]


# --- limits and bad text ------------------------------------------------------------------------


def test_inputs_are_read_up_to_the_limit_only(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("x" * 1001, encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"text": "A."}\n{"text": "' + "x" * 1000 + '"}\n{"text": "C."}\n')
    articles, errors = errors_of([big, lines], max_bytes=1000)
    assert [a.text for a in articles] == ["A."]
    assert errors == [
        f"{big}: larger than the limit of 1,000 bytes; raise it with --max-bytes (max_bytes=) "
        "if this input is meant to be read",
        f"{lines}:2: this line is larger than the limit of 1,000 bytes; raise it with "
        "--max-bytes (max_bytes=) if this input is meant to be read",
    ]
    with pytest.raises(ValueError, match="max_bytes must be a positive integer"):
        timeline.read_articles([], max_bytes=0)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_input_stops_at_the_limit():
    _, errors = errors_of("/dev/zero", max_bytes=1 << 20)
    assert errors == [
        "/dev/zero: larger than the limit of 1,048,576 bytes; raise it with --max-bytes "
        "(max_bytes=) if this input is meant to be read"
    ]


@pytest.mark.parametrize("field", ["text", "id", "source", "title"])
def test_lone_surrogates_are_refused_by_name(field: str):
    values = {"text": "Text.", "id": "a", "source": None, "title": None, field: "x\udc80y"}
    with pytest.raises(ValueError) as error:
        Article(**values)
    assert str(error.value) == (
        f"Article.{field} holds a lone surrogate (U+DC80 at offset 1), which is not Unicode text"
    )
    with pytest.raises(ValueError, match="metadata 'note' holds a lone surrogate"):
        Article("Text.", meta={"note": ["\ud800"]})


def test_ids_are_strings_and_readers_convert_whole_numbers():
    with pytest.raises(TypeError, match=r"Article\.id must be a string, not int"):
        Article("Text.", id=5)
    assert [a.id for a in timeline.read_articles([{"text": "A.", "id": 5}])] == ["5"]


def test_meta_is_read_only_hashable_json():
    article = Article("Text.", meta={"tags": ["a", {"b": 1.5}], "n": None})
    assert hash(article) == hash(Article("Text.", meta={"n": None, "tags": ("a", {"b": 1.5})}))
    assert article.meta.to_json() == {"n": None, "tags": ["a", {"b": 1.5}]}
    with pytest.raises(TypeError):
        article.meta["n"] = 1  # type: ignore[index]
    with pytest.raises(TypeError, match="metadata 'when' must be a JSON value"):
        Article("Text.", meta={"when": date(2020, 1, 7)})
    with pytest.raises(ValueError, match="metadata 'x' must be a finite number"):
        Metadata({"x": float("nan")})


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_the_default_limit_stops_an_endless_input_too():
    assert errors_of("/dev/zero")[1] == [
        "/dev/zero: larger than the limit of 33,554,432 bytes; raise it with --max-bytes "
        "(max_bytes=) if this input is meant to be read"
    ]


@pytest.mark.parametrize("stage", ["build", "extract_events", "to_timeml"])
def test_no_stage_meets_a_lone_surrogate_the_article_refuses_it(stage: str):
    """Decided: refused at the door, by name, not replaced; every stage takes an Article."""
    with pytest.raises(ValueError, match=r"Article\.text holds a lone surrogate"):
        article = Article("He resigned \ud800 on Monday.", date(2020, 1, 7), "a")
        getattr(timeline, stage)([article] if stage == "build" else article)
    assert timeline.find_times("He resigned \ud800 on Monday.")[0].text == "Monday"
