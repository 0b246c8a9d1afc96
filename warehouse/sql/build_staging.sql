-- Rebuild every staging table from core.figures; runs in one transaction with $build_id.
delete from staging.quarantine;
delete from staging.figure_revisions;
delete from staging.migration_flows;
delete from staging.migration_breakdowns;
delete from staging.build;

-- Figures the extraction itself held back (malformed numbers, implausible values, periods after
-- publication): never published, always listed.
insert into staging.quarantine
select article_id, figure_id, 'extraction', reason
from core.figures
where status = 'quarantined';

-- Rule 1: publishable mentions, ranked so the most precise mention of a cell comes first.
create or replace temp table cell_mentions as
select f.figure_id, f.article_id, f.period_end, f.flow, f.breakdown_dim, f.breakdown_value,
       a.published as vintage, f.value, f.precision, f.raw_text,
       row_number() over (partition by f.period_end, f.flow, f.breakdown_dim, f.breakdown_value, a.published
                          order by f.precision, f.value) as precision_rank
from core.figures f
join raw.articles a using (article_id)
where f.kind = 'estimate' and f.geography = 'UK' and f.status = 'valid' and f.period_end is not null
  and f.qualifier in ('exact', 'approximately') and f.value_high is null;

-- Rule 2: within one vintage, mentions of a cell must agree within precision; if they do not,
-- the cell is held back rather than guessed.
create or replace temp table conflicting_mentions as
select m.*, best.value as best_value
from cell_mentions m
join cell_mentions best
  on best.precision_rank = 1 and best.period_end = m.period_end and best.flow = m.flow
 and best.breakdown_dim is not distinct from m.breakdown_dim
 and best.breakdown_value is not distinct from m.breakdown_value
 and best.vintage is not distinct from m.vintage
where exists (
    select 1 from cell_mentions o
    where o.period_end = m.period_end and o.flow = m.flow
      and o.breakdown_dim is not distinct from m.breakdown_dim
      and o.breakdown_value is not distinct from m.breakdown_value
      and o.vintage is not distinct from m.vintage
      and abs(o.value - best.value) > (o.precision + best.precision) / 2.0
);

insert into staging.quarantine
select article_id, figure_id, 'one_value_per_vintage',
       format('{} {}{} for the period ending {} is reported as {} and as {} in the vintage of {}',
              'conflicting', flow, coalesce(' ' || breakdown_value, ''), period_end, raw_text,
              best_value::bigint, coalesce(vintage::varchar, 'unknown date'))
from conflicting_mentions;

insert into staging.figure_revisions
select period_end, flow, breakdown_dim, breakdown_value, vintage,
       arg_min(value, precision_rank)::bigint as value,
       min(precision) as precision,
       list_sort(list_distinct(list(article_id))) as article_ids,
       list_sort(list(figure_id)) as figure_ids
from cell_mentions m
where not exists (select 1 from conflicting_mentions c where c.figure_id = m.figure_id)
group by period_end, flow, breakdown_dim, breakdown_value, vintage;

-- Rule 4: a period whose latest vintage breaks immigration - emigration = net is held back whole.
insert into staging.quarantine
select unnest(article_ids), null,
       'flow_identity',
       format('period ending {}: immigration {} - emigration {} = {} but net migration is {} (tolerance {})',
              period_end, immigration, emigration, immigration - emigration, net_migration,
              (immigration_precision + emigration_precision + net_migration_precision) / 2)
from staging.flow_candidates
where identity_excess > 0;

insert into staging.migration_flows
select period_end, period_months, immigration, emigration, net_migration, vintage, article_ids, figure_ids,
       immigration_precision, emigration_precision, net_migration_precision
from staging.flow_candidates
where identity_excess is null or identity_excess <= 0;

-- Rule 5: a breakdown above its total, or a complete split that does not add up, is held back;
-- the totals stay.
create or replace temp table broken_breakdowns as
select *,
       case when total_excess > 0
            then format('{} {} {} for the period ending {} exceeds the {} total of {}', flow, breakdown_dim,
                        breakdown_value, period_end, flow, value - total_excess)
            else format('{} parts for the period ending {} do not add up to their whole ({} beyond tolerance)',
                        split_name, period_end, split_excess)
       end as reason
from staging.breakdown_candidates
where total_excess > 0 or split_excess > 0;

insert into staging.quarantine
select f.article_id, f.figure_id, 'breakdown_within_total', b.reason
from (select unnest(figure_ids) as figure_id, reason from broken_breakdowns) b
join core.figures f using (figure_id);

insert into staging.migration_breakdowns
with latest as (
    select * from staging.breakdown_candidates
    qualify row_number() over (partition by period_end, flow, breakdown_dim, breakdown_value
                               order by vintage desc nulls last) = 1
)
select period_end, flow, breakdown_dim, breakdown_value, value, vintage, article_ids, figure_ids, precision
from latest l
where not exists (
    select 1 from broken_breakdowns b
    where b.period_end = l.period_end and b.flow = l.flow and b.breakdown_dim = l.breakdown_dim
      and b.breakdown_value = l.breakdown_value and b.vintage is not distinct from l.vintage
);

insert into staging.build values ($build_id, $run_id, now());
