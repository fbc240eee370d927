-- Raw layer of the Sitrep warehouse: written by the Dagster ingestion and extraction
-- assets, read by dbt's staging models. Not part of the public contract (marts is).

CREATE SCHEMA IF NOT EXISTS raw;

-- One row per distinct article text. article_id = first 16 hex chars of content_sha256.
CREATE TABLE IF NOT EXISTS raw.articles (
    article_id      VARCHAR PRIMARY KEY,
    external_id     VARCHAR,      -- id given by the source (JSON/CSV "id"), if any
    title           VARCHAR,
    outlet          VARCHAR,
    published_at    DATE,         -- null when unknown; never invented
    url             VARCHAR,
    source_uri      VARCHAR NOT NULL,  -- file (and #line/#row) the text was first read from
    content_sha256  VARCHAR NOT NULL,
    n_chars         INTEGER NOT NULL,
    language        VARCHAR,
    text            VARCHAR NOT NULL,
    duplicate_of    VARCHAR,      -- article_id of an earlier near-identical (syndicated) copy
    ingested_at     TIMESTAMP NOT NULL
);
ALTER TABLE raw.articles ADD COLUMN IF NOT EXISTS published_at_raw VARCHAR;  -- the date as the source wrote it (kept when unparseable or refused)

-- Every further copy of a text already stored (exact duplicates): stored once, recorded here.
CREATE TABLE IF NOT EXISTS raw.article_copies (
    source_uri  VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    seen_at     TIMESTAMP NOT NULL
);

-- Files or lines that could not be read, with a reason from a short closed list.
CREATE TABLE IF NOT EXISTS raw.quarantine (
    source_uri  VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,  -- empty, binary, undecodable, too_large, malformed_json, missing_text, unsupported_format, bad_metadata, extraction_error, ... (warehouse/records.py QUARANTINE_REASONS)
    detail      VARCHAR,
    seen_at     TIMESTAMP NOT NULL
);

-- Claims: one table per fact type. Shared columns first (see the warehouse contract).
CREATE TABLE IF NOT EXISTS raw.control_changes (
    claim_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL,
    claimant VARCHAR, claimant_text VARCHAR,
    date_start DATE, date_end DATE, date_precision VARCHAR,
    place_name VARCHAR, place_id VARCHAR, admin1 VARCHAR, latitude DOUBLE, longitude DOUBLE,
    geo_precision VARCHAR,
    evidence_text VARCHAR NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    new_controller VARCHAR, new_controller_label VARCHAR,
    previous_controller VARCHAR, previous_controller_label VARCHAR,
    change_type VARCHAR
);

CREATE TABLE IF NOT EXISTS raw.casualty_claims (
    claim_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL,
    claimant VARCHAR, claimant_text VARCHAR,
    date_start DATE, date_end DATE, date_precision VARCHAR,
    place_name VARCHAR, place_id VARCHAR, admin1 VARCHAR, latitude DOUBLE, longitude DOUBLE,
    geo_precision VARCHAR,
    evidence_text VARCHAR NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    victim_actor VARCHAR, victim_label VARCHAR, victim_type VARCHAR, outcome VARCHAR,
    count_low BIGINT, count_best BIGINT, count_high BIGINT, qualifier VARCHAR,
    period_start DATE, period_end DATE, perpetrator_actor VARCHAR
);

CREATE TABLE IF NOT EXISTS raw.displacement_figures (
    claim_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL,
    claimant VARCHAR, claimant_text VARCHAR,
    date_start DATE, date_end DATE, date_precision VARCHAR,
    place_name VARCHAR, place_id VARCHAR, admin1 VARCHAR, latitude DOUBLE, longitude DOUBLE,
    geo_precision VARCHAR,
    evidence_text VARCHAR NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    population VARCHAR, count_low BIGINT, count_best BIGINT, count_high BIGINT,
    qualifier VARCHAR, is_projection BOOLEAN
);

CREATE TABLE IF NOT EXISTS raw.equipment_losses (
    claim_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL,
    claimant VARCHAR, claimant_text VARCHAR,
    date_start DATE, date_end DATE, date_precision VARCHAR,
    place_name VARCHAR, place_id VARCHAR, admin1 VARCHAR, latitude DOUBLE, longitude DOUBLE,
    geo_precision VARCHAR,
    evidence_text VARCHAR NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    equipment_text VARCHAR, model VARCHAR, category VARCHAR, status VARCHAR,
    quantity BIGINT, qualifier VARCHAR, owner_actor VARCHAR, captor_actor VARCHAR
);

-- Incremental refresh bookkeeping (warehouse/inbox_state.py, warehouse/loading.py).

-- One row per inbox file ever read: a file whose size and mtime (or, when those changed,
-- content hash) match is not read again. A file that disappears keeps its articles.
CREATE TABLE IF NOT EXISTS raw.inbox_files (
    path            VARCHAR PRIMARY KEY,  -- as in source_uri
    size            BIGINT NOT NULL,
    mtime_ns        BIGINT NOT NULL,
    content_sha256  VARCHAR NOT NULL,
    n_records       INTEGER NOT NULL,
    n_quarantined   INTEGER NOT NULL,
    first_seen_at   TIMESTAMP NOT NULL,
    read_at         TIMESTAMP NOT NULL
);

-- MinHash LSH band keys of every article: articles sharing a (band, bucket) are
-- near-duplicate candidates (warehouse/dedupe.py).
CREATE TABLE IF NOT EXISTS raw.article_lsh_bands (
    article_id  VARCHAR NOT NULL,
    band        SMALLINT NOT NULL,
    bucket      BIGINT NOT NULL
);

-- Which extractor version last read each article: only articles not yet read by the
-- current version are extracted.
CREATE TABLE IF NOT EXISTS raw.extracted_articles (
    article_id         VARCHAR PRIMARY KEY,
    extractor_version  VARCHAR NOT NULL,
    n_claims           INTEGER NOT NULL,
    extracted_at       TIMESTAMP NOT NULL
);

-- Columns added after the first release (additive; ADD COLUMN IF NOT EXISTS upgrades an
-- existing warehouse file in place).
ALTER TABLE raw.casualty_claims ADD COLUMN IF NOT EXISTS part_of VARCHAR;           -- claim id of the total ("among them")
ALTER TABLE raw.casualty_claims ADD COLUMN IF NOT EXISTS is_background BOOLEAN;     -- another war or country
ALTER TABLE raw.displacement_figures ADD COLUMN IF NOT EXISTS measure VARCHAR;      -- stock, flow
ALTER TABLE raw.displacement_figures ADD COLUMN IF NOT EXISTS as_of DATE;           -- "as of 3 March"
ALTER TABLE raw.displacement_figures ADD COLUMN IF NOT EXISTS cause VARCHAR;        -- conflict, disaster, unknown
ALTER TABLE raw.equipment_losses ADD COLUMN IF NOT EXISTS hedged BOOLEAN;           -- "allegedly", "reportedly"

-- Added with the worldwide gazetteer: the type of a claim's place (settlement, admin1,
-- road, prison, base, airport, area, ...; extractors/geo/types.py). Added to tables
-- created before the column existed.
ALTER TABLE raw.control_changes ADD COLUMN IF NOT EXISTS place_type VARCHAR;
ALTER TABLE raw.casualty_claims ADD COLUMN IF NOT EXISTS place_type VARCHAR;
ALTER TABLE raw.displacement_figures ADD COLUMN IF NOT EXISTS place_type VARCHAR;
ALTER TABLE raw.equipment_losses ADD COLUMN IF NOT EXISTS place_type VARCHAR;
