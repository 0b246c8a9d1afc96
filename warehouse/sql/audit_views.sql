-- The rules the marts keep, written once as views over staging: the staging build quarantines
-- what breaks them, and the Great Expectations suites assert that what is left keeps them.

-- Rule 2 and 4: each period's latest vintage, pivoted to one row, with its identity residual
-- beyond tolerance (the sum of the three figures' half-precisions, inclusive).
create or replace view staging.flow_candidates as
with headline as (
    select * from staging.figure_revisions where breakdown_dim is null
),
latest as (
    select period_end, vintage from headline
    qualify row_number() over (partition by period_end order by vintage desc nulls last) = 1
),
pivoted as (
    select h.period_end,
           12 as period_months,
           max(h.value) filter (where h.flow = 'immigration') as immigration,
           max(h.value) filter (where h.flow = 'emigration') as emigration,
           max(h.value) filter (where h.flow = 'net_migration') as net_migration,
           l.vintage,
           list_sort(list_distinct(flatten(list(h.article_ids)))) as article_ids,
           list_sort(list_distinct(flatten(list(h.figure_ids)))) as figure_ids,
           max(h.precision) filter (where h.flow = 'immigration') as immigration_precision,
           max(h.precision) filter (where h.flow = 'emigration') as emigration_precision,
           max(h.precision) filter (where h.flow = 'net_migration') as net_migration_precision
    from headline h
    join latest l on h.period_end = l.period_end and h.vintage is not distinct from l.vintage
    group by h.period_end, l.vintage
)
select *,
       abs(immigration - emigration - net_migration)
           - (immigration_precision + emigration_precision + net_migration_precision) / 2.0 as identity_excess
from pivoted;

-- Rule 5, per vintage: how far a breakdown exceeds its flow's total, and how far a complete
-- split misses its whole, beyond the half-precisions of the figures involved.
create or replace view staging.breakdown_candidates as
with cells as (
    select * from staging.figure_revisions where breakdown_dim is not null
),
split_sizes as (
    select split_name, count(*) as parts_needed from core.complete_splits group by split_name
),
split_sums as (
    select c.period_end, c.flow, c.vintage, s.split_name, s.whole_dim, s.whole_value,
           sum(c.value) as parts_value, sum(c.precision) as parts_precision, count(*) as parts_found
    from cells c
    join core.complete_splits s on c.breakdown_dim = s.part_dim and c.breakdown_value = s.part_value
    group by c.period_end, c.flow, c.vintage, s.split_name, s.whole_dim, s.whole_value
),
complete as (
    select s.period_end, s.flow, s.vintage, s.split_name,
           abs(s.parts_value - w.value) - (s.parts_precision + w.precision) / 2.0 as split_excess
    from split_sums s
    join split_sizes z on z.split_name = s.split_name and z.parts_needed = s.parts_found
    join staging.figure_revisions w
      on w.period_end = s.period_end and w.flow = s.flow and w.vintage is not distinct from s.vintage
     and w.breakdown_dim is not distinct from s.whole_dim and w.breakdown_value is not distinct from s.whole_value
)
select c.*,
       c.value - t.value - (c.precision + t.precision) / 2.0 as total_excess,
       k.split_excess,
       k.split_name
from cells c
left join staging.figure_revisions t
  on t.breakdown_dim is null and t.period_end = c.period_end and t.flow = c.flow
 and t.vintage is not distinct from c.vintage
left join core.complete_splits s on s.part_dim = c.breakdown_dim and s.part_value = c.breakdown_value
left join complete k
  on k.split_name = s.split_name and k.period_end = c.period_end and k.flow = c.flow
 and k.vintage is not distinct from c.vintage;
