-- Write-audit-publish, last step for claims: replace the published table from the audited staging
-- build in the caller's single transaction.
delete from marts.claim_checks;
insert into marts.claim_checks
select * from staging.claim_checks
order by article_id, char_start;
