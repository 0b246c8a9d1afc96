-- The frame the `migration_flows` suite validates: the staged mart, identity residual recomputed
-- from the staged values themselves.
select period_end, period_months, immigration, emigration, net_migration, vintage,
       array_to_string(article_ids, ',') as article_ids,
       abs(immigration - emigration - net_migration)
           - (immigration_precision + emigration_precision + net_migration_precision) / 2.0 as identity_excess
from staging.migration_flows
order by period_end;
