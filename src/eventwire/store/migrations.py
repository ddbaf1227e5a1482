"""The store's schema migrations, written once for every backend.

Ordered, append-only: migration N (1-based) is the N-th string. Never edit one
that has shipped; add a new one that alters what it made. The backends differ
only in a few words of dialect, filled in by `migrations_for`: the type of a
float column, the cast that turns a date string into a DATE (DuckDB's TRY_CAST
yields NULL on a bad value), and an index DuckDB cannot build after an update
in the same transaction (its zone maps serve range filters anyway).
"""

from __future__ import annotations

__all__ = ["migrations_for"]

_MIGRATION_TEMPLATES: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        text VARCHAR,
        date DATE,
        url VARCHAR,
        source VARCHAR,
        input_name VARCHAR,
        dateline_place VARCHAR,
        dateline_country VARCHAR,
        coder VARCHAR,
        coded_at TIMESTAMP
    );
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        sentence_id INTEGER NOT NULL,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        PRIMARY KEY (article_id, sentence_id)
    );
    CREATE TABLE events (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_id INTEGER,
        cameo VARCHAR,
        cameo_root VARCHAR,
        quad_class INTEGER,
        goldstein {double},
        source_code VARCHAR,
        source_country VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        plover_type VARCHAR,
        date VARCHAR,
        date_precision VARCHAR,
        background BOOLEAN,
        negated BOOLEAN,
        modality VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        lat {double},
        lon {double},
        confidence {double},
        trigger_start INTEGER,
        record JSON NOT NULL,
        PRIMARY KEY (article_id, event_id)
    );
    CREATE INDEX events_cameo_root ON events (cameo_root);
    CREATE INDEX events_dyad_country ON events (source_country, target_country);
    CREATE INDEX events_date ON events (date);
    CREATE TABLE quotes (
        quote_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        sentence_id INTEGER,
        text VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        cue VARCHAR,
        speaker_code VARCHAR,
        kind VARCHAR,
        PRIMARY KEY (article_id, quote_id)
    );
    """,
    # 2: articles' near-duplicate key, byline and language; each event's period
    # start (for date ranges); runs, quarantine, learned actors, clusters.
    """
    ALTER TABLE articles ADD COLUMN near_dup_key VARCHAR;
    ALTER TABLE articles ADD COLUMN byline VARCHAR;
    ALTER TABLE articles ADD COLUMN language VARCHAR;
    ALTER TABLE events ADD COLUMN date_start DATE;
    UPDATE events SET date_start = CASE
        WHEN length(date) = 10 THEN {cast}(date AS DATE)
        WHEN length(date) = 7 THEN {cast}(date || '-01' AS DATE)
        WHEN length(date) = 4 AND right(date, 1) = 'X'
            THEN {cast}(replace(date, 'X', '0') || '-01-01' AS DATE)
        WHEN length(date) = 4 THEN {cast}(date || '-01-01' AS DATE)
    END;
{date_start_index}    CREATE TABLE runs (
        run_id VARCHAR PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        command VARCHAR,
        coder VARCHAR,
        status VARCHAR NOT NULL,
        counts JSON
    );
    CREATE TABLE quarantine (
        run_id VARCHAR,
        input_name VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        quarantined_at TIMESTAMP NOT NULL
    );
    CREATE INDEX quarantine_run ON quarantine (run_id);
    CREATE TABLE learned_actors (
        name VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        article_id VARCHAR NOT NULL,
        learned_on DATE,
        PRIMARY KEY (name, code, article_id)
    );
    CREATE TABLE clusters (
        cluster_id VARCHAR PRIMARY KEY,
        representative_article_id VARCHAR NOT NULL,
        representative_event_id VARCHAR NOT NULL,
        source_code VARCHAR,
        target_code VARCHAR,
        cameo_root VARCHAR,
        date_first VARCHAR,
        date_last VARCHAR,
        location_name VARCHAR,
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        refreshed_at TIMESTAMP
    );
    CREATE TABLE event_clusters (
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        cluster_id VARCHAR NOT NULL,
        PRIMARY KEY (article_id, event_id)
    );
    CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id);
    """,
)


def migrations_for(double: str, cast: str, date_start_index: bool) -> tuple[str, ...]:
    """The migrations in one dialect: `double` is the float type ("DOUBLE"), `cast`
    the string-to-date cast ("TRY_CAST"), `date_start_index` whether to index the
    events' period start."""
    index = "    CREATE INDEX events_date_start ON events (date_start);\n"
    return (
        _MIGRATION_TEMPLATES[0].format(double=double),
        _MIGRATION_TEMPLATES[1].format(
            cast=cast, date_start_index=index if date_start_index else ""
        ),
    )
