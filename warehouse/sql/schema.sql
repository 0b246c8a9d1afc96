-- Every table the pipeline writes, created once; layers named as the data flows:
-- raw → core → staging (audited) → marts (published) and quality (what was held back, and why).
create schema if not exists raw;
create schema if not exists core;
create schema if not exists staging;
create schema if not exists marts;
create schema if not exists quality;

create table if not exists raw.articles (
    article_id   varchar primary key,
    published    date,
    source_path  varchar not null,
    sha256       varchar not null,
    text         varchar not null,
    ingested_at  timestamp not null,
    encoding     varchar,
    note         varchar
);
-- The file's size and modification time when it was read: an untouched file is not read again.
alter table raw.articles add column if not exists file_size bigint;
alter table raw.articles add column if not exists file_mtime_ns bigint;

-- An article whose content changed keeps its earlier text here: nothing is deleted from raw.
create table if not exists raw.article_versions (
    article_id   varchar not null,
    published    date,
    source_path  varchar not null,
    sha256       varchar not null,
    text         varchar not null,
    ingested_at  timestamp not null,
    superseded_at timestamp not null
);

create table if not exists core.figures (
    figure_id       varchar primary key,
    article_id      varchar not null,
    kind            varchar not null,
    direction       varchar,
    flow            varchar not null,
    breakdown_dim   varchar,
    breakdown_value varchar,
    geography       varchar not null,
    period_end      date,
    period_months   integer,
    value           double,
    value_high      double,
    precision       bigint,
    qualifier       varchar not null,
    raw_text        varchar not null,
    sentence        varchar not null,
    char_start      integer not null,
    char_end        integer not null,
    status          varchar not null,
    reason          varchar,
    period_source   varchar,
    source          varchar not null,
    extracted_at    timestamp not null
);

-- Which content each article's figures were extracted from: an unchanged article is skipped.
create table if not exists core.extractions (
    article_id        varchar primary key,
    sha256            varchar not null,
    published         date,
    extractor_version varchar not null,
    figure_count      integer not null,
    extracted_at      timestamp not null
);
-- When the figures suite last passed on an extraction: each run audits only what is not yet audited
-- (a failed audit leaves it unaudited, so it is checked again until it passes).
alter table core.extractions add column if not exists audited_at timestamp;

create table if not exists staging.build (
    build_id  varchar not null,
    run_id    varchar,
    built_at  timestamp not null
);

-- article_ids and figure_ids trace every published number back to its articles and sentences.
create table if not exists staging.figure_revisions (
    period_end date not null, flow varchar not null, breakdown_dim varchar, breakdown_value varchar,
    vintage date, value bigint not null, precision bigint not null, article_ids varchar[] not null,
    figure_ids varchar[] not null
);
create table if not exists staging.migration_flows (
    period_end date not null, period_months integer not null,
    immigration bigint, emigration bigint, net_migration bigint,
    vintage date, article_ids varchar[] not null, figure_ids varchar[] not null,
    immigration_precision bigint, emigration_precision bigint, net_migration_precision bigint
);
create table if not exists staging.migration_breakdowns (
    period_end date not null, flow varchar not null, breakdown_dim varchar not null, breakdown_value varchar not null,
    value bigint not null, vintage date, article_ids varchar[] not null, figure_ids varchar[] not null,
    precision bigint not null
);

-- The complete splits of contract rule 5: parts that must add up to their whole (a null whole
-- dimension means the headline flow total).
create or replace table core.complete_splits as
select * from (values
    ('work_by_job_status', 'reason', 'work_definite_job', 'reason', 'work'),
    ('work_by_job_status', 'reason', 'work_looking_for_job', 'reason', 'work'),
    ('immigration_by_citizenship', 'citizenship', 'british', null, null),
    ('immigration_by_citizenship', 'citizenship', 'eu', null, null),
    ('immigration_by_citizenship', 'citizenship', 'non_eu', null, null)
) as t(split_name, part_dim, part_value, whole_dim, whole_value);
create table if not exists staging.quarantine (
    article_id varchar, figure_id varchar, check_name varchar not null, reason varchar not null
);

create table if not exists marts.figure_revisions as select * exclude (precision) from staging.figure_revisions limit 0;
create table if not exists marts.migration_flows as
    select * exclude (immigration_precision, emigration_precision, net_migration_precision)
    from staging.migration_flows limit 0;
create table if not exists marts.migration_breakdowns as
    select * exclude (precision) from staging.migration_breakdowns limit 0;

create table if not exists quality.quarantine (
    article_id     varchar,
    figure_id      varchar,
    check_name     varchar not null,
    reason         varchar not null,
    quarantined_at timestamp not null
);

create table if not exists quality.check_results (
    run_id           varchar,
    build_id         varchar,
    asset            varchar not null,
    suite            varchar not null,
    expectation      varchar not null,
    success          boolean not null,
    observed_value   varchar,
    unexpected_count bigint,
    checked_at       timestamp not null
);

-- Files and manifest rows that could not be ingested as articles, with the reason.
create table if not exists quality.ingest_issues (
    run_id      varchar,
    file        varchar,
    article_id  varchar,
    issue       varchar not null,
    detected_at timestamp not null
);

create table if not exists quality.publish_log (
    run_id       varchar,
    build_id     varchar not null,
    published_at timestamp not null,
    flows_rows   bigint not null,
    breakdown_rows bigint not null,
    revision_rows bigint not null,
    quarantined  bigint not null
);

-- Claims the articles make (transforms/claims.py), held against the published marts: rebuilt in
-- staging with their own build id, audited by the claim_checks suite, then published.
create table if not exists staging.claim_build (
    build_id  varchar not null,
    run_id    varchar,
    built_at  timestamp not null
);
create table if not exists staging.claims (
    claim_id varchar not null, article_id varchar not null, figure_id varchar, claim_type varchar not null,
    speaker varchar, cue varchar not null, comparison varchar not null, direction varchar, flow varchar,
    breakdown_dim varchar, breakdown_value varchar, geography varchar, period_end date, baseline varchar,
    baseline_year integer, claimed_value double, claimed_value_high double, claimed_ratio double,
    claimed_precision double, horizon_year integer, raw_text varchar not null, sentence varchar not null,
    char_start integer not null, char_end integer not null, sentence_start integer not null,
    sentence_end integer not null
);
-- Claims are found when their article is extracted, so an unchanged article's claims are kept.
create table if not exists core.claims as select * from staging.claims limit 0;
create table if not exists staging.claim_checks (
    claim_id varchar not null, article_id varchar not null, figure_id varchar, speaker varchar,
    claim_type varchar not null, cue varchar not null, comparison varchar not null, direction varchar,
    flow varchar, breakdown_dim varchar, breakdown_value varchar, geography varchar, period_end date,
    baseline_period_end date, claimed_value double, claimed_value_high double, claimed_ratio double,
    claimed_precision double, computed_value double, computed_ratio double, tolerance double,
    used_periods date[], used_vintages date[], used_article_ids varchar[], estimates_used varchar,
    verdict varchar not null, explanation varchar not null, raw_text varchar not null, sentence varchar not null,
    char_start integer not null, char_end integer not null, published date
);
create table if not exists marts.claim_checks as select * from staging.claim_checks limit 0;
