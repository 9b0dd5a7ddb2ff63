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
    col("name", pa.string(), "Canonical name: the fullest name the article uses; countries take their common English short name.", nullable=False),
    col("label", pa.string(), "OntoNotes label decided by the evidence of all mentions.", nullable=False,
        values="PERSON,NORP,FAC,ORG,GPE,LOC,PRODUCT,EVENT,WORK_OF_ART,LAW,LANGUAGE"),
    col("mention_count", pa.int32(), "Number of named mentions.", nullable=False, min=0),
    col("aliases", pa.list_(pa.string()), "Every surface form the article uses for the entity.", nullable=False),
    col("role", pa.string(), "Title or description the article gives the entity (e.g. 'Russian President')."),
], metadata={b"description": b"One row per real-world entity in an article.", b"key": b"article_id,entity_id"})

MENTIONS = pa.schema([
    ARTICLE_ID,
    col("entity_id", pa.string(), "The entity this mention names.", nullable=False, ref="entities.entity_id"),
    col("sentence_idx", pa.int32(), "Sentence holding the mention.", nullable=False, min=0, ref="sentences.sentence_idx"),
    col("char_start", pa.int32(), "Start offset in articles.text.", nullable=False, min=0),
    col("char_end", pa.int32(), "End offset (exclusive) in articles.text.", nullable=False, min=0),
    col("text", pa.string(), "The mention's words.", nullable=False, span="char_start,char_end"),
    col("label", pa.string(), "Label of this mention (the entity's label after voting).", nullable=False),
], metadata={b"description": b"Every named mention of an entity.", b"key": b"article_id,char_start,char_end"})

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
    col("closed", pa.bool_(), "False when the closing mark is missing (the quote runs to its paragraph's end).", nullable=False),
    col("speaker", pa.string(), "Canonical name of the speaker (entities.name), or the describing words if no entity matches."),
    col("speaker_entity_id", pa.string(), "entities.entity_id of the speaker.", ref="entities.entity_id"),
    col("speaker_mention", pa.string(), "The words naming the speaker for this quote ('he', 'the Russian leader', 'Wallace').",
        span="speaker_char_start,speaker_char_end"),
    col("speaker_char_start", pa.int32(), "Start offset of speaker_mention.", min=0),
    col("speaker_char_end", pa.int32(), "End offset of speaker_mention.", min=0),
    col("cue", pa.string(), "Reporting verb as written ('said', 'added', 'told')."),
    col("attribution", pa.string(), "How the speaker was found.", values="name,pronoun,description,carried,none"),
], metadata={b"description": b"Quotations (direct and indirect) with their speakers.", b"key": b"article_id,quote_id"})

NUMERIC_FACTS = pa.schema([
    ARTICLE_ID,
    col("fact_id", pa.string(), "Id of the fact within the article (article_id:n:k).", nullable=False),
    col("sentence_idx", pa.int32(), "Sentence holding the fact.", nullable=False, min=0, ref="sentences.sentence_idx"),
    col("char_start", pa.int32(), "Start offset of the fact's words.", nullable=False, min=0),
    col("char_end", pa.int32(), "End offset (exclusive).", nullable=False, min=0),
    col("text", pa.string(), "The fact's words ('around 40,000 troops').", nullable=False, span="char_start,char_end"),
    col("value", pa.float64(), "The number (lower bound for ranges); money in currency units, percent as written (5% -> 5).", nullable=False),
    col("value_low", pa.float64(), "Lower end of a range."),
    col("value_high", pa.float64(), "Upper end of a range."),
    col("unit", pa.string(), "Counted noun (counts), ISO 4217 code (money), '%' (percent) or unit of measure."),
    col("qualifier", pa.string(), "Qualifiers of the counted noun ('additional', 'further', 'British military')."),
    col("kind", pa.string(), "Kind of number.", nullable=False, values="count,money,percent,quantity,year,date,ordinal"),
    col("relation", pa.string(), "= exact, ~ approximate, > more than / at least, < fewer than / up to.", nullable=False, values="=,~,>,<"),
    col("direction", pa.string(), "up / down when the number is a change.", values="up,down"),
    col("subject", pa.string(), "Canonical entity the fact is about (actor of its verb or owner)."),
    col("location", pa.string(), "Canonical place the fact is tied to ('to Poland')."),
    col("resolved_date", pa.string(), "For dates: ISO date or period resolved against published_at."),
    col("quote_id", pa.string(), "The quotation holding the fact, if any.", ref="quotes.quote_id"),
], metadata={b"description": b"Numbers with value, unit, bound and subject.", b"key": b"article_id,fact_id"})

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
