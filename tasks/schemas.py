"""The one declaration of every output table: pyarrow schemas with column descriptions.

GX suites (expectations/*.json), docs/DATA.md and the tests are all derived from here.
Each column carries metadata:
  description  what the column means (docs/DATA.md)
  values       allowed values, comma-separated (-> ExpectColumnValuesToBeInSet)
  min          lower bound for numbers (-> ExpectColumnValuesToBeBetween)
  ref          table.column this value names, within the same article (-> a reference check, tasks/validate/checks.py)
  span         the offset columns this text is the slice of articles.text of (-> a span check, tasks/validate/checks.py)
Non-nullable fields get ExpectColumnValuesToNotBeNull; key columns ExpectCompoundColumnsToBeUnique.
"""
from __future__ import annotations

import hashlib

import pyarrow as pa


def col(name: str, typ: pa.DataType, description: str, nullable: bool = True, **meta: str) -> pa.Field:
    md = {"description": description, **{k: str(v) for k, v in meta.items()}}
    return pa.field(name, typ, nullable=nullable, metadata={k.encode(): v.encode() for k, v in md.items()})


ARTICLE_ID = col("article_id", pa.string(), "Stable id of the article: first 16 hex digits of the SHA-256 of its cleaned text.", nullable=False)
TS = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema([
    ARTICLE_ID,
    col("source", pa.string(), "Input path as given on the command line (the first one, for exact duplicates).", nullable=False),
    col("sources", pa.list_(pa.string()), "Every input path that held this exact article.", nullable=False),
    col("title", pa.string(), "Headline (first paragraph, or the page/dump title)."),
    col("standfirst", pa.string(), "Standfirst (summary line under the headline), if the article has one."),
    col("text", pa.string(), "Cleaned article text; every offset in every table indexes this string.", nullable=False),
    col("n_paragraphs", pa.int32(), "Number of paragraphs, headline included.", nullable=False, min=1),
    col("n_sentences", pa.int32(), "Number of sentences.", nullable=False, min=0),
    col("n_words", pa.int32(), "Number of word tokens (punctuation and spaces excluded).", nullable=False, min=0),
    col("content_sha256", pa.string(), "SHA-256 of the input bytes.", nullable=False),
    col("encoding", pa.string(), "How the input bytes were decoded; 'fallback' marks a non-UTF-8 input.", nullable=False),
    col("url", pa.string(), "Original URL of the article, when the input names it."),
    col("published_at", TS, "Publication time (UTC), when known."),
    col("ingested_at", TS, "When this article (with this text and pipeline version) was first written (UTC).", nullable=False),
    col("pipeline_version", pa.string(), "newsfacts version that produced the rows.", nullable=False),
], metadata={b"description": b"One row per distinct article.", b"key": b"article_id"})

PARAGRAPHS = pa.schema([
    ARTICLE_ID,
    col("paragraph_idx", pa.int32(), "Position of the paragraph in the article, from 0.", nullable=False, min=0),
    col("kind", pa.string(), "Paragraph type.", nullable=False, values="headline,standfirst,subheading,body"),
    col("section", pa.string(), "Text of the subheading this paragraph falls under (null before the first)."),
    col("char_start", pa.int32(), "Start offset in articles.text.", nullable=False, min=0),
    col("char_end", pa.int32(), "End offset (exclusive) in articles.text.", nullable=False, min=0),
    col("text", pa.string(), "The paragraph's text (= articles.text[char_start:char_end]).", nullable=False, span="char_start,char_end"),
], metadata={b"description": b"Paragraphs of each article, typed.", b"key": b"article_id,paragraph_idx"})

SENTENCES = pa.schema([
    ARTICLE_ID,
    col("sentence_idx", pa.int32(), "Position of the sentence in the article, from 0.", nullable=False, min=0),
    col("paragraph_idx", pa.int32(), "Paragraph holding the sentence.", nullable=False, min=0, ref="paragraphs.paragraph_idx"),
    col("char_start", pa.int32(), "Start offset in articles.text.", nullable=False, min=0),
    col("char_end", pa.int32(), "End offset (exclusive) in articles.text.", nullable=False, min=0),
    col("text", pa.string(), "The sentence's text.", nullable=False, span="char_start,char_end"),
], metadata={b"description": b"Sentences of each article (sentences never cross paragraphs).", b"key": b"article_id,sentence_idx"})

ENTITIES = pa.schema([
    ARTICLE_ID,
    col("entity_id", pa.string(), "Id of the entity within the article (article_id:n).", nullable=False),
    col("entity_key", pa.string(), "Key of the entity across articles: LABEL:slug-of-name ('PERSON:jens-stoltenberg'); "
        "the same for the same name and label in every article (entity_index.canonical_key joins a surname to its full name).",
        nullable=False),
    col("name", pa.string(), "Canonical name: the fullest name the article uses, without an honorific ('Mr Hale' -> 'Hale'); countries take "
        "their common English short name.", nullable=False),
    col("label", pa.string(), "OntoNotes label decided by the evidence of all mentions.", nullable=False,
        values="PERSON,NORP,FAC,ORG,GPE,LOC,PRODUCT,EVENT,WORK_OF_ART,LAW,LANGUAGE"),
    col("mention_count", pa.int32(), "Number of named mentions.", nullable=False, min=0),
    col("aliases", pa.list_(pa.string()), "Every surface form the article uses for the entity.", nullable=False),
    col("role", pa.string(), "Title or description the article gives the entity (e.g. 'Russian President')."),
], metadata={b"description": b"One row per real-world entity in an article.", b"key": b"article_id,entity_id"})

MENTIONS = pa.schema([
    ARTICLE_ID,
    col("entity_id", pa.string(), "The entity this mention names.", nullable=False, ref="entities.entity_id"),
    col("entity_key", pa.string(), "entities.entity_key of that entity.", nullable=False),
    col("sentence_idx", pa.int32(), "Sentence holding the mention.", nullable=False, min=0, ref="sentences.sentence_idx"),
    col("char_start", pa.int32(), "Start offset in articles.text.", nullable=False, min=0),
    col("char_end", pa.int32(), "End offset (exclusive) in articles.text.", nullable=False, min=0),
    col("text", pa.string(), "The mention's words.", nullable=False, span="char_start,char_end"),
    col("label", pa.string(), "Label of this mention (the entity's label after voting).", nullable=False),
], metadata={b"description": b"Every named mention of an entity.", b"key": b"article_id,char_start,char_end"})

# The rules that can decide a quote's speaker (the strategies of tasks/extract/quotes/attribution.py, in
# order, then carry-over and indirect speech) and how the words naming the speaker were resolved.
QUOTE_RULES = ("cue_after", "dash_name", "bare_name", "dash_paragraph", "dash_label", "cue_above", "cue_before", "according_to",
               "colon_paragraph", "label_colon", "noun_cue", "noun_of", "colon_subject", "preceding_cue",
               "preceding_according", "preceding_subject", "clause_subject", "carried", "previous_paragraph_subject",
               "reported_speech")
QUOTE_ATTRIBUTIONS = ",".join([f"{r}:{h}" for r in QUOTE_RULES for h in ("name", "pronoun", "description")] + ["none"])

QUOTES = pa.schema([
    ARTICLE_ID,
    col("quote_id", pa.string(), "Id of the quotation within the article (article_id:q:n).", nullable=False),
    col("paragraph_idx", pa.int32(), "Paragraph where the quotation starts.", nullable=False, min=0, ref="paragraphs.paragraph_idx"),
    col("sentence_idx", pa.int32(), "Sentence where the quotation starts.", nullable=False, min=0, ref="sentences.sentence_idx"),
    col("char_start", pa.int32(), "Start of the quoted words (without the marks).", nullable=False, min=0),
    col("char_end", pa.int32(), "End (exclusive) of the quoted words.", nullable=False, min=0),
    col("text", pa.string(), "The quoted words.", nullable=False, span="char_start,char_end"),
    col("kind", pa.string(), "full: a whole quoted statement; partial: a fragment inside the writer's sentence; indirect: reported speech.",
        nullable=False, values="full,partial,indirect"),
    col("closed", pa.bool_(), "False when the closing mark is missing (the quote runs to its paragraph's end, or to the "
        "writer's attribution that follows it: '..., the agency said').", nullable=False),
    col("speaker", pa.string(), "Canonical name of the speaker (entities.name); for someone the article never names, the description "
        "as written with its article made definite and the names in it canonical ('the spokeswoman for the Royal Academy of Dance'); a bare 'a spokesman' takes the body that spoke just before ('the Vestey Group spokesman'); someone known by the named person they belong to is written of that person ('Mr Hale's lawyer', 'his lawyer': 'the lawyer of Tom Hale'); words said together by people (or bodies) named as one subject join their canonical names, in the text's order ('Ann Cole and Tom Reid'; 'A, B and C')."),
    col("speaker_type", pa.string(), "person | organisation (a named entity said it: speaker_entity_id is set) | unnamed (no entity "
        "of the article: someone only described, 'a spokesman', 'officials', a name the entities table does not hold, or a group "
        "speaking as one, 'the Tories say', a NORP entity whose name is kept without its entity); "
        "null when no speaker was found.", values="person,organisation,unnamed"),
    col("speaker_entity_id", pa.string(), "entities.entity_id of the speaker; set whenever a named person or organisation said it (for words said together, the first of them).", ref="entities.entity_id"),
    col("entity_key", pa.string(), "entities.entity_key of the speaker (join entity_index on it)."),
    col("speaker_mention", pa.string(), "The words naming the speaker for this quote ('he', 'the Russian leader', 'Wallace').",
        span="speaker_char_start,speaker_char_end"),
    col("speaker_char_start", pa.int32(), "Start offset of speaker_mention.", min=0),
    col("speaker_char_end", pa.int32(), "End offset of speaker_mention.", min=0),
    col("cue", pa.string(), "Reporting verb as written ('said', 'added', 'told')."),
    col("attribution", pa.string(), "The rule that decided the speaker and how its words were resolved, as RULE:HOW "
        "('cue_after:pronoun'): RULE is the attribution strategy that found the words naming the speaker "
        "(tasks/extract/quotes/attribution.py), 'carried' (the speaker of the quotation it continues), "
        "'previous_paragraph_subject' or 'reported_speech' (indirect speech); HOW is name, pronoun or description; "
        "'none' when no speaker was found.", values=QUOTE_ATTRIBUTIONS),
], metadata={b"description": b"Quotations (direct and indirect) with their speakers.", b"key": b"article_id,quote_id"})

NUMERIC_FACTS = pa.schema([
    ARTICLE_ID,
    col("fact_id", pa.string(), "Id of the fact within the article (article_id:n:k).", nullable=False),
    col("sentence_idx", pa.int32(), "Sentence holding the fact.", nullable=False, min=0, ref="sentences.sentence_idx"),
    col("char_start", pa.int32(), "Start offset of the fact's words.", nullable=False, min=0),
    col("char_end", pa.int32(), "End offset (exclusive).", nullable=False, min=0),
    col("text", pa.string(), "The fact's words ('around 40,000 troops').", nullable=False, span="char_start,char_end"),
    col("value", pa.float64(), "The number (lower bound for ranges); money in currency units, percent as written (5% -> 5), "
        "a fraction as a ratio ('two-thirds' -> 0.667), '5 degrees below zero' -> -5.", nullable=False),
    col("value_low", pa.float64(), "Lower end of a range."),
    col("value_high", pa.float64(), "Upper end of a range."),
    col("unit", pa.string(), "Canonical unit for the kind: ISO 4217 code (money; 'GBX' for prices in pence); '%', "
        "'percentage points' or 'basis points' (percent); a unit name of Pint's default registry, prefix included, for a "
        "quantity ('kilometer', 'degree_Celsius', 'mile_per_hour', 'square_foot'; degrees with no scale written and no angle "
        "in the sentence are heat, in Celsius unless the value rules Celsius out there: '104 degrees' of a hot day is degree_Fahrenheit; a compound Pint does not name is "
        "written 'square_X', 'cubic_X' or 'X_per_Y' from its names), or a news idiom ('years old', 'point_per_game'); "
        "the singular lemma of the counted noun (count: 'job', 'soldier'); null for year, date and ordinal."),
    col("unit_text", pa.string(), "The unit's words as written ('km/h', 'degrees celsius', '$', 'per cent', 'soldiers'); "
        "null when the unit is not written beside the number (carried over from a coordinated number, "
        "given by an exchange rate named before it, or named by the noun holding the count: 'the death toll rose to 312')."),
    col("qualifier", pa.string(), "Qualifiers of the counted noun ('additional', 'further', 'British military')."),
    col("kind", pa.string(), "Kind of number.", nullable=False, values="count,money,percent,quantity,year,date,ordinal"),
    col("relation", pa.string(), "= exact, ~ approximate, > more than / at least, < fewer than / up to.", nullable=False, values="=,~,>,<"),
    col("direction", pa.string(), "up / down when the number is a change.", values="up,down"),
    col("subject", pa.string(), "Canonical entity the fact is about (actor of its verb or owner)."),
    col("location", pa.string(), "Canonical place the fact is tied to ('to Poland')."),
    col("resolved_date", pa.string(), "For dates: ISO date or period resolved against published_at."),
    col("quote_id", pa.string(), "The quotation holding the fact, if any.", ref="quotes.quote_id"),
], metadata={b"description": b"Numbers with value, unit, bound and subject.", b"key": b"article_id,fact_id"})

ENTITY_INDEX = pa.schema([
    col("entity_key", pa.string(), "A key found in entities.entity_key (and mentions, quotes).", nullable=False),
    col("canonical_key", pa.string(), "Key of the real thing the key names: the key itself, or for a person named by "
        "surname only ('PERSON:stoltenberg') the corpus's one full name ending in it ('PERSON:jens-stoltenberg'); "
        "a surname with two or more full names in the corpus, or none, stays its own.", nullable=False),
    col("label", pa.string(), "OntoNotes label of the thing (part of its key: one name under two labels is two things).",
        nullable=False, values="PERSON,NORP,FAC,ORG,GPE,LOC,PRODUCT,EVENT,WORK_OF_ART,LAW,LANGUAGE"),
    col("name", pa.string(), "Canonical name of the thing: the name most of its articles give it.", nullable=False),
    col("articles", pa.int64(), "Articles naming the thing, under any of its keys.", nullable=False, min=0),
    col("mentions", pa.int64(), "Its named mentions in the corpus.", nullable=False, min=0),
    col("quotes", pa.int64(), "Quotations attributed to it.", nullable=False, min=0),
    col("first_published_at", TS, "Earliest published_at of those articles (null when none is known)."),
    col("last_published_at", TS, "Latest published_at of those articles."),
], metadata={b"description": b"Every entity key of the corpus and the real thing it names, with the thing's totals; "
             b"rebuilt at each commit (OUT/entity_index/entity_index.parquet). Rows where entity_key = canonical_key list "
             b"each thing once. Keys are LABEL:slug (lower case, accents and apostrophes dropped, other "
             b"punctuation a hyphen); across articles only persons merge, and only a surname with exactly one "
             b"full name in the corpus. Limits: two people with one name share a key; a name spelt two ways "
             b"('Mohammed'/'Muhammad') or with and without a middle name is two keys; an organisation's acronym and "
             b"full name join within an article but not across articles.",
             b"key": b"entity_key"})

REJECTIONS = pa.schema([
    col("source", pa.string(), "Input that was refused.", nullable=False),
    col("reason", pa.string(), "Why it was refused.", nullable=False),
    col("content_sha256", pa.string(), "SHA-256 of the input bytes, when they could be read."),
    col("rejected_at", TS, "When (UTC).", nullable=False),
    col("pipeline_version", pa.string(), "newsfacts version.", nullable=False),
], metadata={b"description": b"Inputs the pipeline refused, with the reason."})

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "paragraphs": PARAGRAPHS,
    "sentences": SENTENCES,
    "entities": ENTITIES,
    "mentions": MENTIONS,
    "quotes": QUOTES,
    "numeric_facts": NUMERIC_FACTS,
}
ALL_TABLES: dict[str, pa.Schema] = {**TABLES, "rejections": REJECTIONS}
CORPUS_TABLES: dict[str, pa.Schema] = {"entity_index": ENTITY_INDEX}  # rebuilt over the whole corpus at commit (tasks.store.entity_index)


def describe(field: pa.Field) -> str:
    return (field.metadata or {}).get(b"description", b"").decode()


def meta(field: pa.Field, key: str) -> str | None:
    v = (field.metadata or {}).get(key.encode())
    return v.decode() if v is not None else None


def key_columns(schema: pa.Schema) -> list[str]:
    k = (schema.metadata or {}).get(b"key")
    return k.decode().split(",") if k else []


class SchemaMismatch(TypeError):
    """A producer built a row whose columns are not exactly its table's."""


def row(schema: pa.Schema, **values) -> dict:
    """One row of a table, built by name: every column of `schema` and no other, in schema
    order. A producer that drifts from the schema fails here, at the line that builds the row."""
    if len(values) != len(schema.names) or any(n not in values for n in schema.names):
        missing = [n for n in schema.names if n not in values]
        extra = [k for k in values if schema.get_field_index(k) < 0]
        raise SchemaMismatch(f"row does not fit its table: missing {missing}, unknown {extra}")
    return {n: values[n] for n in schema.names}


def schema_version(tables: dict[str, pa.Schema]) -> str:
    """A short hash of every table's columns: name, type and nullability, in order. Any column
    added, dropped, renamed, retyped or reordered changes it (descriptions do not)."""
    lines = [f"{t}.{f.name}:{f.type}:{'null' if f.nullable else 'not null'}" for t in sorted(tables) for f in tables[t]]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12]


SCHEMA_VERSION = schema_version({**ALL_TABLES, **CORPUS_TABLES})
"""The version of the tables' layout, derived from the schemas above (never kept by hand):
every Parquet part records it, and a run over tables of another schema version rewrites them
(`tasks.store.upgrade`)."""
