-- The frame the `figures` suite validates: every figure of every article not yet audited, with
-- derived columns that make each rule a single-column expectation (null where a rule does not
-- apply). Audited figures are unchanged since they passed; figure_id is also the table's key.
-- $everything re-validates the whole table (the benchmark does, to measure the suite at scale).
select f.figure_id, f.article_id, f.kind, f.direction, f.flow, f.breakdown_dim, f.breakdown_value, f.geography,
       f.period_end, f.period_months, f.value, f.value_high, f.precision, f.qualifier, f.status, f.reason,
       f.sentence, f.raw_text,
       substr(a.text, f.char_start + 1, f.char_end - f.char_start) = f.raw_text as offsets_match,
       case when f.status = 'valid' then date_diff('day', a.published, f.period_end) end as days_after_published,
       case when f.status = 'valid' and f.flow = 'immigration' and f.kind = 'estimate' then f.value end
           as immigration_value,
       case when f.status = 'valid' and f.flow = 'emigration' and f.kind = 'estimate' then f.value end
           as emigration_value,
       case when f.status = 'valid' and f.flow = 'net_migration' and f.kind = 'estimate' then f.value end
           as net_migration_value,
       case when f.status = 'valid' then year(f.period_end) end as period_year
from core.figures f
left join raw.articles a using (article_id)
where $everything or f.article_id in (select article_id from core.extractions where audited_at is null)
order by f.figure_id;
