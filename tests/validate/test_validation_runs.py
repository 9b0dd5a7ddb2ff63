"""Validation, end to end: failing rows are quarantined with the failing expectation, an
article whose own row fails takes all its rows with it, and no verdict depends on which
batches are validated together."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.pipeline import run_pipeline
from tasks.schemas import TABLES
from tasks.store.tables import read_table

ART_A = "Minister quits over budget\nJane Doe resigned on Friday.\n\"I have lost the confidence of my colleagues,\" she said.\n"
ART_B = "Storm hits coast\nA storm struck the coast on Monday, cutting power to 3,000 homes.\n"


def tables(out: Path) -> dict:
    return {t: read_table(out, t).drop(columns=["month"], errors="ignore") for t in TABLES}


@pytest.fixture()
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ART_A, encoding="utf-8")
    (d / "b.txt").write_text(ART_B, encoding="utf-8")
    return d


def test_rows_failing_validation_are_quarantined_with_the_expectation(inputs, tmp_path, nlp, monkeypatch):
    from tasks.extract import article as extract

    real = extract.article_rows

    def with_a_bad_row(art, doc, ingested_at):
        rows = real(art, doc, ingested_at)
        if rows["paragraphs"]:
            rows["paragraphs"][-1] = dict(rows["paragraphs"][-1], kind="sidebar")
        return rows

    monkeypatch.setattr(extract, "article_rows", with_a_bad_row)
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1)
    # the last paragraph of each article; what points at it follows (its sentence, and the quote and fact in that)
    assert s["quarantined"] == {"paragraphs": 2, "sentences": 2, "quotes": 1, "numeric_facts": 1} and not s["validation_passed"]
    assert "sidebar" not in set(read_table(out, "paragraphs")["kind"])
    import pandas as pd

    q = pd.read_parquet(out / "quarantine" / "paragraphs")
    assert list(q["kind"]) == ["sidebar", "sidebar"]
    assert set(q["failed_expectations"]) == {"expect_column_values_to_be_in_set(column=kind)"}
    assert set(pd.read_parquet(out / "quarantine" / "sentences")["failed_expectations"]) == {
        "expect_column_values_to_exist_in_table(column=paragraph_idx, table=paragraphs)"}
    assert set(pd.read_parquet(out / "quarantine" / "numeric_facts")["failed_expectations"]) == {
        "expect_column_values_to_exist_in_table(column=sentence_idx, table=sentences)"}


def _bad_storm_paragraph(monkeypatch):
    from tasks.extract import article as extract

    real = extract.article_rows

    def with_a_bad_row(art, doc, ingested_at):
        rows = real(art, doc, ingested_at)
        if art.title == "Storm hits coast":
            rows["paragraphs"][-1] = dict(rows["paragraphs"][-1], kind="sidebar")
        return rows

    monkeypatch.setattr(extract, "article_rows", with_a_bad_row)


def _quarantine(out: Path, table: str):
    import pandas as pd

    return pd.read_parquet(out / "quarantine" / table).drop(columns=["ingested_at"], errors="ignore").reset_index(drop=True)


def _no_ingested_at(df):
    return df.drop(columns=["ingested_at"], errors="ignore")


@pytest.mark.parametrize("duplicate", [False, True], ids=["one-layer", "duplicate-in-group"])
def test_batches_validated_together_give_the_tables_of_batches_validated_alone(inputs, tmp_path, nlp, monkeypatch, duplicate):
    """One file per batch; the tables and the quarantine do not depend on how many batches
    share a GX call (the failing row is in the group's second batch), and an exact duplicate
    in another batch of the same group is not taken for a duplicated key."""
    _bad_storm_paragraph(monkeypatch)
    if duplicate:
        (inputs / "c copy.txt").write_text(ART_A, encoding="utf-8")
    runs = {}
    for every in (1, 1000):
        out = tmp_path / f"out{every}"
        s = run_pipeline([str(inputs)], str(out), workers=1, batch_size=1, validate_every=every)
        assert s["quarantined"] == {"paragraphs": 1, "sentences": 1, "numeric_facts": 1} and not s["validation_passed"], every
        assert s["articles_written"] == 2
        runs[every] = (tables(out), _quarantine(out, "paragraphs"))
    for t in TABLES:
        assert _no_ingested_at(runs[1][0][t]).equals(_no_ingested_at(runs[1000][0][t])), t
    assert runs[1][1].equals(runs[1000][1])
    assert list(runs[1000][1]["kind"]) == ["sidebar"]
    assert list(runs[1000][1]["failed_expectations"]) == ["expect_column_values_to_be_in_set(column=kind)"]
    arts = runs[1000][0]["articles"].sort_values("title")
    assert [Path(x).name for x in arts.iloc[0]["sources"]] == (["a.txt", "c copy.txt"] if duplicate else ["a.txt"])


def test_an_expectation_naming_no_rows_fails_only_its_own_batch(inputs, tmp_path, nlp, monkeypatch):
    from tasks.validate import gx

    real = gx.validate_table

    def table_level_failure(table, data, *args):
        v = real(table, data, *args)
        if table == "paragraphs" and "Storm hits coast" in data.column("text").to_pylist():
            v.success, v.table_failures = False, ["expect_table_row_count_to_be_between()"]
        return v

    monkeypatch.setattr(gx, "validate_table", table_level_failure)
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1, batch_size=1, validate_every=1000)
    assert s["quarantined"] == {"paragraphs": 2, "sentences": 2, "numeric_facts": 1}  # the storm's paragraphs, and what is in them
    assert list(read_table(out, "paragraphs")["text"]) == ART_A.splitlines()  # a.txt's batch passed
    assert set(_quarantine(out, "paragraphs")["failed_expectations"]) == {"expect_table_row_count_to_be_between()"}


def test_an_article_failing_validation_takes_all_its_rows_to_quarantine(inputs, tmp_path, nlp, monkeypatch):
    from tasks.extract import article as extract

    clean = run_pipeline([str(inputs)], str(tmp_path / "clean"), workers=1)
    storm = read_table(tmp_path / "clean", "articles").set_index("title").loc["Storm hits coast", "article_id"]
    expected = {t: int((read_table(tmp_path / "clean", t)["article_id"] == storm).sum()) for t in TABLES}
    assert clean["validation_passed"] and expected["numeric_facts"] >= 1
    real = extract.article_rows

    def bad_article(art, doc, ingested_at):
        rows = real(art, doc, ingested_at)
        if art.title == "Storm hits coast":
            rows["articles"][0] = dict(rows["articles"][0], n_paragraphs=0)  # min 1
            rows["paragraphs"][-1] = dict(rows["paragraphs"][-1], kind="sidebar")
        return rows

    monkeypatch.setattr(extract, "article_rows", bad_article)
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["quarantined"] == {t: n for t, n in expected.items() if n}
    assert list(read_table(out, "articles")["title"]) == ["Minister quits over budget"]
    q = _quarantine(out, "paragraphs").sort_values("paragraph_idx")
    # the failing row and the orphan row are both kept, each with its reason
    assert list(q["failed_expectations"]) == ["article row quarantined", "expect_column_values_to_be_in_set(column=kind)"]
    ids = set(read_table(out, "articles")["article_id"])
    for t in TABLES:
        assert set(read_table(out, t)["article_id"]) <= ids, t


# ---- warnings: the run lands, loudly

SAVED_PAGE = Path(__file__).resolve().parents[1] / "ingest" / "formats" / "data" / "article.html"
COOKIE_WALL = """<article>
<h1>We value your privacy</h1>
<p>We and our partners store and access information on your device, such as cookies, to personalise content and ads.</p>
<p>Accept all to consent, or manage your preferences.</p>
</article>"""
LIBRARY = ("Library reopens after flood repairs\n"
           "The town library in Eastmere reopened on Monday, six months after a burst river bank flooded its ground floor "
           "and ruined more than 4,000 books.\n"
           "\"People kept asking when they could come back, and today they did,\" said the head librarian, Ruth Okafor.\n"
           "The repairs cost £180,000, most of it covered by the council's insurance, and the children's section has "
           "moved upstairs so that it stays dry if the river rises again.\n")


def test_a_page_that_kept_only_its_cookie_wall_warns_naming_its_source_and_the_good_articles_land(tmp_path, nlp):
    import json
    import re

    from tasks.report import page

    inp, out = tmp_path / "in", tmp_path / "out"
    (inp / "pages").mkdir(parents=True)
    html = SAVED_PAGE.read_text(encoding="utf-8")
    (inp / "pages" / "ferry.html").write_text(html, encoding="utf-8")
    (inp / "pages" / "cookie.html").write_text(re.sub(r"<article>.*?</article>", COOKIE_WALL, html, flags=re.S), encoding="utf-8")
    (inp / "library.txt").write_text(LIBRARY, encoding="utf-8")
    s = run_pipeline([str(inp)], str(out), workers=1)
    cookie = str(inp / "pages" / "cookie.html")
    assert s["quarantined"] == {} and s["validation_passed"]
    assert all(i["severity"] == "info" for i in s["info"])  # statistics of 3 articles: too few to judge
    (w,) = s["warnings"]
    assert (w["severity"], w["table"], w["metric"]) == ("warning", "articles", "articles_below_word_floor")
    assert w["sources"] == [{"source": cookie, "n_words": w["sources"][0]["n_words"]}] and w["sources"][0]["n_words"] < 69
    assert w["by_source"] == {"news.example.com": [1, 2]}  # the page's site: one of its two pages
    assert cookie in w["message"] and "news.example.com: 1 of 2" in w["message"]
    arts = read_table(out, "articles")
    assert sorted(Path(x).name for x in arts["source"]) == ["cookie.html", "ferry.html", "library.txt"]  # every article landed
    good = set(arts[arts["source"] != cookie]["article_id"])
    for t in ("paragraphs", "sentences", "quotes", "numeric_facts"):
        assert good <= set(read_table(out, t)["article_id"]), t
    (logged,) = [json.loads(line) for line in (out / "_newsfacts" / "runs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert logged["warnings"] == s["warnings"] and logged["metrics"]["counts"]["articles_below_word_floor"] == [1, 3]
    report = page.build(str(out)).read_text(encoding="utf-8")
    assert 'id="validation-warnings"' in report and "cookie.html" in report


def test_rows_failing_a_computed_check_are_quarantined_with_its_name(inputs, tmp_path, nlp, monkeypatch):
    import pandas as pd

    from tasks.extract import article as extract

    real = extract.article_rows

    def dangling_mention(art, doc, ingested_at):
        rows = real(art, doc, ingested_at)
        if rows["mentions"]:
            rows["mentions"][0] = dict(rows["mentions"][0], entity_id=f"{art.article_id}:99")
        return rows

    monkeypatch.setattr(extract, "article_rows", dangling_mention)
    out = tmp_path / "out"
    s = run_pipeline([str(inputs)], str(out), workers=1)
    assert s["quarantined"] == {"mentions": 1} and not s["validation_passed"]  # Jane Doe (the storm names no one)
    q = pd.read_parquet(out / "quarantine" / "mentions")
    assert set(q["failed_expectations"]) == {"expect_column_values_to_exist_in_table(column=entity_id, table=entities)"}
    assert set(q["entity_id"]).isdisjoint(set(read_table(out, "mentions")["entity_id"]))
