-- The frame the `migration_breakdowns` suite validates: the staged mart with, for each row, how far
-- it exceeds its vintage's total and how far its complete split misses its whole. The value is
-- also given per flow, so each flow keeps its own bounds: a group's net migration can be negative
-- ("a net outflow of 63,000 EU nationals"), a count of arrivals or departures cannot.
select b.period_end, b.flow, b.breakdown_dim, b.breakdown_value, b.value, b.vintage,
       case when b.flow = 'immigration' then b.value end as immigration_value,
       case when b.flow = 'emigration' then b.value end as emigration_value,
       case when b.flow = 'net_migration' then b.value end as net_migration_value,
       array_to_string(b.article_ids, ',') as article_ids,
       c.total_excess, c.split_excess
from staging.migration_breakdowns b
left join staging.breakdown_candidates c
  on c.period_end = b.period_end and c.flow = b.flow and c.breakdown_dim = b.breakdown_dim
 and c.breakdown_value = b.breakdown_value and c.vintage is not distinct from b.vintage
order by b.period_end, b.flow, b.breakdown_dim, b.breakdown_value;
