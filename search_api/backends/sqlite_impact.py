"""Impact-ordered postings: the embedded backend's ranked query at a cost bounded by the query.

FTS5 scores every row a query matches (bm25 has no top-k pruning), and a long question's OR
over its selective terms matches ~70% of the articles, so the ranked query grew linearly with
the collection (bench/RESULTS.md, "Load and scale"). This module keeps, written at ingest in
the same SQLite file, for every term of each ranking stream (words, folded syllables, folded
bigrams) its best rows by BM25 term weight:

- impact_terms(term, df, listed, floor): df = rows holding the term in its stream's columns
  (exact: it is FTS5's own nHit, the IDF input), listed = postings kept, floor = the lowest
  impact a kept posting may have (0 while every posting is kept).
- impact_postings(term, impact, row, wf, length), ordered by (term, impact DESC): wf is the
  column-weighted term frequency FTS5's bm25 sums (SEARCH_FIELDS weights), length the row's
  token count over all indexed columns. A term keeps every posting until it has more than
  PRUNE_AT; then only those with impact >= its LISTED_PER_TERM-th best stay, and later rows
  are added only above that floor, so the kept postings are always the top of the term's
  impact order (deletes may shorten it; a short list is refilled from FTS5).

A query reads at most QUERY_PER_TERM postings of each of its (at most 36) terms and sums
exactly FTS5's bm25 terms for them: IDF(df) * wf (k1 + 1) / (wf + k1 (1 - b + b length / avgdl)).
For terms whose postings are all kept, the scores, the matching rows and so the total and
facets are those of the full FTS5 query; when a query term is truncated, rows outside its list
miss that term's (small: it is a common term) contribution and totals/facets are marked as
estimates.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence

from ingest.index_contract import FIELD_STREAM, SEARCH_FIELDS

K1, B = 1.2, 0.75  # FTS5's bm25 constants
LISTED_PER_TERM = 1000  # postings a term keeps once cut (room to read more without a reindex)
# Postings of each query term a query reads (N) and candidates rescored exactly: tuned on the dev
# sets at 1x and 10x (bench/sqlite_impact_quality.py; bench/RESULTS.md): same R@1/MRR@10 as the
# FTS5 plan, its top 10 unchanged for 98-99% of the ALQAC questions at 1x.
QUERY_PER_TERM = 150
PRUNE_AT = 2 * LISTED_PER_TERM  # a term's list is cut back to N when it grows past this
REFILL_BELOW = LISTED_PER_TERM // 2  # deletes shortened a cut list below this: rebuild it from FTS5
STREAM_PREFIX = {"words": "w", "folded": "f", "bigrams": "b"}
_STREAM_COLUMNS = {s: [c for c, cs in FIELD_STREAM.items() if cs == s] for s in STREAM_PREFIX}
# FTS5's unicode61 tokenizer with tokenchars '_': runs of letters, digits and '_', case-folded.
_TOKEN = re.compile(r"\w+")
_CHUNK = 400
# (df, listed, floor) of the keys the index holds: _stats_of, or a reader's cache of it (sqlite_state).
StatsOf = Callable[[sqlite3.Connection, Sequence[str]], Mapping[str, Sequence]]

SCHEMA = """
CREATE TABLE IF NOT EXISTS impact_terms(
    term TEXT PRIMARY KEY, df INTEGER NOT NULL, listed INTEGER NOT NULL, floor REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS impact_postings(
    term TEXT NOT NULL, impact REAL NOT NULL, row INTEGER NOT NULL, wf REAL NOT NULL, length INTEGER NOT NULL,
    PRIMARY KEY(term, impact DESC, row)) WITHOUT ROWID;
"""


def term_key(stream: str, token: str) -> str | None:
    """The key of a query token in its stream; None when FTS5 would read it as several tokens
    (a phrase), which this index does not hold."""
    tokens = _TOKEN.findall(token.lower())
    return f"{STREAM_PREFIX[stream]}:{tokens[0]}" if len(tokens) == 1 else None


def row_terms(texts: Mapping[str, str | None]) -> tuple[int, dict[str, float]]:
    """(length, {term key: weighted frequency}) of one article row from its indexed columns."""
    length = 0
    weighted: dict[str, float] = {}
    for column, weight in SEARCH_FIELDS.items():
        tokens = _TOKEN.findall((texts.get(column) or "").lower())
        length += len(tokens)
        prefix = STREAM_PREFIX[FIELD_STREAM[column]] + ":"
        for token in tokens:
            key = prefix + token
            weighted[key] = weighted.get(key, 0.0) + weight
    return length, weighted


def impact(wf: float, length: int, avgdl: float) -> float:
    return wf * (K1 + 1) / (wf + K1 * (1 - B + B * length / avgdl))


def idf(df: int, rows: int) -> float:
    value = math.log((0.5 + rows - df) / (0.5 + df))
    return value if value > 0 else 1e-6  # as FTS5


def _varints(blob: bytes) -> list[int]:
    """SQLite/FTS5 varints: 7 bits per byte, high bit = more; the 9th byte carries 8 bits."""
    values, position = [], 0
    while position < len(blob):
        value = 0
        for index in range(9):
            byte = blob[position]
            position += 1
            if index == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def collection_shape(db: sqlite3.Connection) -> tuple[int, float]:
    """(rows, average row length) exactly as FTS5's bm25 sees them (its averages record)."""
    row = db.execute("SELECT block FROM articles_data WHERE id = 1").fetchone()
    if row is None or not row[0]:
        return 0, 1.0
    values = _varints(row[0])
    rows, tokens = values[0], sum(values[1:])
    return rows, (tokens / rows if rows else 1.0)


def token_doc_freq(db: sqlite3.Connection, tokens: Iterable[str], stats: StatsOf | None = None) -> dict[str, int]:
    """Rows holding each token, for choosing a query's selective terms: the largest of its
    streams' counts (a token is in one stream but for toneless single syllables, "cho" as a
    word and folded). One indexed lookup per token: fts5vocab counted the token's whole doclist,
    a cost that grew with the collection (1.5 s for a question's first-seen common words at 10x)."""
    wanted = list(dict.fromkeys(tokens))
    keys = {f"{prefix}:{token.lower()}": token for token in wanted for prefix in STREAM_PREFIX.values()}
    found = dict.fromkeys(wanted, 0)
    for key, (df, _, _) in (stats or _stats_of)(db, list(keys)).items():
        token = keys[key]
        found[token] = max(found[token], df)
    return found


# ---- maintenance, inside the writer's transaction -----------------------------------------
def _stats_of(db: sqlite3.Connection, keys: Sequence[str]) -> dict[str, list]:
    found: dict[str, list] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        sql = f"SELECT term, df, listed, floor FROM impact_terms WHERE term IN ({', '.join('?' for _ in chunk)})"
        for term, df, listed, floor in db.execute(sql, chunk):
            found[term] = [df, listed, floor]
    return found


def add_rows(db: sqlite3.Connection, rows: Iterable[tuple[int, Mapping[str, str | None]]]) -> None:
    """Postings of newly inserted article rows (after their INSERT into the FTS table)."""
    _, avgdl = collection_shape(db)
    postings: dict[str, list[tuple[float, int, float, int]]] = {}
    for rowid, texts in rows:
        length, weighted = row_terms(texts)
        for key, wf in weighted.items():
            postings.setdefault(key, []).append((impact(wf, length, avgdl), rowid, wf, length))
    if not postings:
        return
    stats = _stats_of(db, list(postings))
    inserts, to_prune = [], []
    for key, entries in postings.items():
        df, listed, floor = stats.get(key, (0, 0, 0.0))
        kept = [(key, *entry) for entry in entries if entry[0] >= floor]
        inserts += kept
        stats[key] = [df + len(entries), listed + len(kept), floor]
        if listed + len(kept) > PRUNE_AT:
            to_prune.append(key)
    db.executemany("INSERT OR REPLACE INTO impact_postings VALUES(?, ?, ?, ?, ?)", inserts)
    db.executemany("INSERT OR REPLACE INTO impact_terms VALUES(?, ?, ?, ?)", [(k, *stats[k]) for k in postings])
    for key in to_prune:
        _prune(db, key)


def _prune(db: sqlite3.Connection, key: str) -> None:
    threshold = db.execute(
        "SELECT impact FROM impact_postings WHERE term = ? ORDER BY impact DESC LIMIT 1 OFFSET ?",
        (key, LISTED_PER_TERM - 1),
    ).fetchone()
    if threshold is None:
        return
    db.execute("DELETE FROM impact_postings WHERE term = ? AND impact < ?", (key, threshold[0]))
    listed = db.execute("SELECT count(*) FROM impact_postings WHERE term = ?", (key,)).fetchone()[0]
    db.execute("UPDATE impact_terms SET listed = ?, floor = ? WHERE term = ?", (listed, threshold[0], key))


def remove_rows(db: sqlite3.Connection, rows: Iterable[tuple[int, Mapping[str, str | None]]]) -> list[str]:
    """Postings and counts of article rows about to be deleted (read before their DELETE).
    Returns the cut terms that deletes left short, for refill() once the write is done."""
    removed: dict[str, list[int]] = {}
    for rowid, texts in rows:
        _, weighted = row_terms(texts)
        for key in weighted:
            removed.setdefault(key, []).append(rowid)
    if not removed:
        return []
    stats = _stats_of(db, list(removed))
    short = []
    for key, rowids in removed.items():
        df, listed, floor = stats.get(key, (0, 0, 0.0))
        gone = 0
        for rowid in rowids:
            gone += db.execute("DELETE FROM impact_postings WHERE term = ? AND row = ?", (key, rowid)).rowcount
        df, listed = df - len(rowids), listed - gone
        if df <= 0:
            db.execute("DELETE FROM impact_terms WHERE term = ?", (key,))
            continue
        db.execute("UPDATE impact_terms SET df = ?, listed = ? WHERE term = ?", (df, listed, key))
        if floor > 0 and listed < REFILL_BELOW:
            short.append(key)
    return short


def refill(db: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Rebuild the lists of cut terms that deletes left short, from the FTS5 index itself:
    every row holding the term (its whole doclist: rare, after deletes of its best rows)."""
    _, avgdl = collection_shape(db)
    columns = list(SEARCH_FIELDS)
    for key in dict.fromkeys(keys):
        stats = db.execute("SELECT df, listed, floor FROM impact_terms WHERE term = ?", (key,)).fetchone()
        if stats is None or stats[2] <= 0 or stats[1] >= REFILL_BELOW:
            continue
        prefix, token = key.split(":", 1)
        stream = next(s for s, p in STREAM_PREFIX.items() if p == prefix)
        match = "{" + " ".join(_STREAM_COLUMNS[stream]) + '} : "' + token.replace('"', '""') + '"'
        entries = []
        for rowid, *texts in db.execute(
            f"SELECT rowid, {', '.join(columns)} FROM articles WHERE articles MATCH ?", (match,)
        ):
            length, weighted = row_terms(dict(zip(columns, texts, strict=True)))
            if key in weighted:
                wf = weighted[key]
                entries.append((impact(wf, length, avgdl), rowid, wf, length))
        entries.sort(reverse=True)
        kept = entries if len(entries) <= PRUNE_AT else entries[:LISTED_PER_TERM]
        floor = 0.0 if len(kept) == len(entries) else kept[-1][0]
        kept = [e for e in entries if e[0] >= floor]
        db.execute("DELETE FROM impact_postings WHERE term = ?", (key,))
        db.executemany("INSERT INTO impact_postings VALUES(?, ?, ?, ?, ?)", [(key, *e) for e in kept])
        db.execute(
            "UPDATE impact_terms SET df = ?, listed = ?, floor = ? WHERE term = ?",
            (len(entries), len(kept), floor, key),
        )


# ---- the query -----------------------------------------------------------------------
RESCORED_ROWS = 60  # at least this many best candidates given the exact contribution of cut terms
# A query whose terms hold this many postings or fewer in all is answered by FTS5 over every match:
# about as cheap (FTS5 walks those postings once) and exact. A bound on its cost, not the collection's.
EXACT_BELOW_POSTINGS = 20_000


def _rescored(
    db: sqlite3.Connection, found: list[tuple[int, float, int, int]], cut: dict[int, tuple[str, float]], avgdl: float
) -> list[tuple[int, float]]:
    """Exact scores of these candidates: the cut terms' contributions they missed, from the
    token columns FTS5 stores (only the columns of the cut terms' streams are read)."""
    prefixes = {key.split(":", 1)[0] for key, _ in cut.values()}
    columns = [c for c in SEARCH_FIELDS if STREAM_PREFIX[FIELD_STREAM[c]] in prefixes]
    rowids = [row for row, *_ in found]
    texts = {
        rowid: values
        for rowid, *values in db.execute(
            f"SELECT rowid, {', '.join(columns)} FROM articles WHERE rowid IN ({', '.join('?' for _ in rowids)})",
            rowids,
        )
    }
    out = []
    for row, score, length, bits in found:
        missing = [(key, weight) for bit, (key, weight) in cut.items() if not bits & bit]
        if missing and row in texts:
            # The stored columns are the tokens joined by single spaces (ingest.index_contract.field_texts),
            # so " token " counted in the text with doubled spaces is the token's frequency in C,
            # without tokenising a whole article in Python per candidate.
            spaced = {
                c: " " + (t or "").lower().replace(" ", "  ") + " " for c, t in zip(columns, texts[row], strict=True)
            }
            for key, weight in missing:
                prefix, token = key.split(":", 1)
                needle = f" {token} "
                wf = sum(
                    SEARCH_FIELDS[c] * spaced[c].count(needle)
                    for c in columns
                    if STREAM_PREFIX[FIELD_STREAM[c]] == prefix
                )
                if wf:
                    score -= weight * impact(wf, length, avgdl)
        out.append((row, score))
    return out


class Ranked:
    """Candidate rows, best first, with how far the result can be trusted."""

    def __init__(self, rows: list[tuple[int, float]], truncated: bool, estimate: int):
        self.rows = rows  # (rowid, -score) like FTS5's bm25, ordered by score, rowid
        self.truncated = truncated  # a query term had postings beyond its list
        self.estimated_total = estimate  # matching rows (exact when not truncated)


def ranked_rows(
    db: sqlite3.Connection,
    phrases: Sequence[tuple[str, str]],
    per_term: int = QUERY_PER_TERM,
    rescore: int = RESCORED_ROWS,
    exact_below: int = EXACT_BELOW_POSTINGS,
    stats: StatsOf | None = None,
    shape: tuple[int, float] | None = None,
) -> Ranked | None:
    """Score the rows of the phrases' impact lists; None when a phrase cannot be looked up
    here, or when the phrases hold at most `exact_below` postings in all, so scoring every match
    is as cheap and gives exact totals and facets (the caller then runs the full FTS5 query).
    phrases = (stream, token) pairs.

    A row outside the list of a cut (common) term lacks that term's contribution; the best
    `rescore` rows get it back exactly, counted from their stored token columns."""
    keys = []
    for stream, token in phrases:
        key = term_key(stream, token)
        if key is None:
            return None
        keys.append(key)
    keys = list(dict.fromkeys(keys))
    rows, avgdl = shape or collection_shape(db)
    found_stats = (stats or _stats_of)(db, keys)
    if sum(df for df, _, _ in found_stats.values()) <= exact_below:
        return None
    parts: list[str] = []
    params: list[object] = []
    miss_all = 1.0
    cut: dict[int, tuple[str, float]] = {}  # bit of a cut term -> (key, its IDF)
    for key in keys:
        if key not in found_stats:
            continue  # in no row of its stream: FTS5 matches nothing for it either
        df, listed, floor = found_stats[key]
        miss_all *= 1 - min(df, rows) / rows if rows else 1
        weight = idf(df, rows)
        bit = 1 << len(parts)
        if floor > 0 or listed > per_term:
            cut[bit] = (key, weight)
        parts.append(
            "SELECT row, ? * wf / (wf + ? + ? * length) AS s, length, ? AS bit FROM"
            " (SELECT row, wf, length FROM impact_postings WHERE term = ? ORDER BY impact DESC LIMIT ?)"
        )
        params += [weight * (K1 + 1), K1 * (1 - B), K1 * B / avgdl, bit, key, per_term]
    if not parts:
        return Ranked([], False, 0)
    sql = (
        f"SELECT row, -sum(s) AS score, max(length), sum(bit) FROM ({' UNION ALL '.join(parts)})"
        " GROUP BY row ORDER BY score, row"
    )
    found = db.execute(sql, params).fetchall()
    truncated = bool(cut)
    ranked = [(row, score) for row, score, _, _ in found]
    if cut and rescore:
        # Rescoring only adds (negative) contributions: the rescored block stays ahead of the rest.
        ranked[:rescore] = sorted(_rescored(db, found[:rescore], cut, avgdl), key=lambda item: (item[1], item[0]))
    # Independent terms: rows holding at least one of them; never below what was found.
    estimate = len(ranked) if not truncated else max(len(ranked), round(rows * (1 - miss_all)))
    return Ranked(ranked, truncated, estimate)
