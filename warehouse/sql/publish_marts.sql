-- Write-audit-publish, last step: replace every published table from the audited staging build,
-- all in the caller's single transaction, so readers see the old marts or the new, never a mix.
delete from marts.migration_flows;
insert into marts.migration_flows
select * exclude (immigration_precision, emigration_precision, net_migration_precision)
from staging.migration_flows
order by period_end;

delete from marts.migration_breakdowns;
insert into marts.migration_breakdowns
select * exclude (precision) from staging.migration_breakdowns
order by period_end, flow, breakdown_dim, breakdown_value;

delete from marts.figure_revisions;
insert into marts.figure_revisions
select * exclude (precision) from staging.figure_revisions
order by period_end, flow, breakdown_dim nulls first, breakdown_value nulls first, vintage;

delete from quality.quarantine;
insert into quality.quarantine
select article_id, figure_id, check_name, reason, $published_at
from staging.quarantine
order by article_id, figure_id, check_name;

insert into quality.publish_log
select $run_id, (select max(build_id) from staging.build), $published_at,
       (select count(*) from marts.migration_flows),
       (select count(*) from marts.migration_breakdowns),
       (select count(*) from marts.figure_revisions),
       (select count(*) from quality.quarantine);
