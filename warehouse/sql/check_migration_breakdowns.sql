-- The frame the `migration_breakdowns` suite validates: the staged mart with, for each row, how far
-- it exceeds its vintage's total and how far its complete split misses its whole.
select b.period_end, b.flow, b.breakdown_dim, b.breakdown_value, b.value, b.vintage,
       array_to_string(b.article_ids, ',') as article_ids,
       c.total_excess, c.split_excess
from staging.migration_breakdowns b
left join staging.breakdown_candidates c
  on c.period_end = b.period_end and c.flow = b.flow and c.breakdown_dim = b.breakdown_dim
 and c.breakdown_value = b.breakdown_value and c.vintage is not distinct from b.vintage
order by b.period_end, b.flow, b.breakdown_dim, b.breakdown_value;
