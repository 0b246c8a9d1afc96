-- Hold every claim in staging.claims against the published marts; one transaction with $build_id.
-- A verdict compares the claimed number with the one computed from each period's latest vintage:
-- consistent within the precision both were written to (half of each unit, as the contract's
-- identity checks allow), close within 5% of the computed value, inconsistent beyond that;
-- unverifiable when the warehouse lacks the estimates or the claim is about the future.
delete from staging.claim_checks;
delete from staging.claim_build;

create or replace temp macro people(x) as format('{:,}', round(x)::bigint);

create or replace temp macro flow_label(f, part) as replace(coalesce(f, 'migration'), '_', ' ')
    || coalesce(' (' || part || ')', '');

-- Every published cell, with the precision its winning mention was written to.
create or replace temp table claim_series as
with cells as (
    select m.period_end, u.flow, null::varchar as breakdown_dim, null::varchar as breakdown_value, m.vintage,
           case u.flow when 'immigration' then m.immigration when 'emigration' then m.emigration
                       else m.net_migration end as value,
           m.article_ids, m.figure_ids
    from marts.migration_flows m
    cross join (values ('immigration'), ('emigration'), ('net_migration')) as u(flow)
    union all
    select period_end, flow, breakdown_dim, breakdown_value, vintage, value, article_ids, figure_ids
    from marts.migration_breakdowns
),
mentions as (
    select c.period_end, c.flow, c.breakdown_dim, c.breakdown_value, min(f.precision) as precision
    from (select *, unnest(figure_ids) as figure_id from cells) c
    join core.figures f on f.figure_id = c.figure_id and f.flow = c.flow and f.value = c.value
        and f.breakdown_dim is not distinct from c.breakdown_dim
        and f.breakdown_value is not distinct from c.breakdown_value
    group by all
)
select c.period_end, c.flow, c.breakdown_dim, c.breakdown_value, c.vintage, c.value, c.article_ids,
       coalesce(m.precision, 1000) as precision
from cells c
left join mentions m on m.period_end = c.period_end and m.flow = c.flow
    and m.breakdown_dim is not distinct from c.breakdown_dim and m.breakdown_value is not distinct from c.breakdown_value
where c.value is not null;

-- The cells each claim uses: its own period (current), what a change or ratio is measured
-- against (base: twelve months earlier, December of a year, or the highest period of a year),
-- and for records every period up to its own (earlier).
create or replace temp table claim_uses as
with checkable as (
    select * from staging.claims
    where geography = 'UK' and flow is not null and period_end is not null
      and claim_type in ('change', 'ratio', 'bound', 'record')
)
select c.claim_id, u.role, s.*
from checkable c
join claim_series s on s.flow = c.flow and s.breakdown_dim is not distinct from c.breakdown_dim
    and s.breakdown_value is not distinct from c.breakdown_value
cross join (values ('current'), ('base'), ('earlier')) as u(role)
where (u.role = 'current' and s.period_end = c.period_end)
   or (u.role = 'base' and c.claim_type in ('change', 'ratio') and (
          (c.baseline = 'previous_year' and s.period_end = last_day((c.period_end - interval 12 month)::date))
       or (c.baseline = 'since_year' and s.period_end = make_date(c.baseline_year, 12, 31))
       or (c.baseline = 'peak_in_year' and year(s.period_end) = c.baseline_year)))
   or (u.role = 'earlier' and c.claim_type = 'record' and s.period_end <= c.period_end);

insert into staging.claim_checks
with used as (
    select claim_id,
           max(value) filter (where role = 'current') as cur_value,
           max(precision) filter (where role = 'current') as cur_precision,
           max(value) filter (where role = 'base') as base_value,
           arg_max(period_end, value) filter (where role = 'base') as base_period,
           arg_max(precision, value) filter (where role = 'base') as base_precision,
           max(value) filter (where role = 'earlier') as max_value,
           arg_max(period_end, value) filter (where role = 'earlier') as max_period,
           arg_max(precision, value) filter (where role = 'earlier') as max_precision,
           count(*) filter (where role = 'earlier') as earlier_count,
           min(period_end) filter (where role = 'earlier') as first_period,
           list(distinct period_end order by period_end) as used_periods,
           list(distinct vintage order by vintage) as used_vintages,
           list_sort(list_distinct(flatten(list(article_ids)))) as used_article_ids
    from claim_uses group by claim_id
),
described as (
    select claim_id,
           string_agg(distinct flow_label(flow, breakdown_value) || ' ' || period_end || ' = ' || people(value)
                      || ' (vintage ' || coalesce(vintage::varchar, 'unknown') || ')', '; ') as estimates_used
    from claim_uses group by claim_id
),
joined as (
    select c.*, u.* exclude (claim_id), d.estimates_used, a.published,
           case c.direction when 'down' then -1 when 'up' then 1 end as sign
    from staging.claims c
    left join used u using (claim_id)
    left join described d using (claim_id)
    left join raw.articles a using (article_id)
),
-- x: the computed number in the claim's terms; c (and c_high): the claimed one; tol: rounding.
computed as (
    select *,
           case claim_type
               when 'change' then (cur_value - base_value) * coalesce(sign, sign(cur_value - base_value))
               when 'bound' then cur_value
               when 'record' then coalesce(claimed_value, cur_value)
               when 'ratio' then cur_value / nullif(base_value, 0)
           end as x,
           case claim_type when 'record' then max_value when 'ratio' then claimed_ratio else claimed_value end as c,
           case claim_type when 'record' then null when 'ratio' then null else claimed_value_high end as c_high,
           case claim_type when 'record' then 'at_least' else comparison end as cmp,
           case claim_type
               when 'change' then (coalesce(claimed_precision, 0) + cur_precision + base_precision) / 2.0
               when 'bound' then (coalesce(claimed_precision, 0) + cur_precision) / 2.0
               when 'record' then (coalesce(claimed_precision, cur_precision) + max_precision) / 2.0
               -- a ratio's rounding: the fraction word's own, plus the relative rounding of both estimates
               when 'ratio' then claimed_precision / 2.0
                   + (cur_value / nullif(base_value, 0)) * (cur_precision / 2.0 / cur_value + base_precision / 2.0 / base_value)
           end as tol
    from joined
),
missing as (
    select *,
           case
               when claim_type = 'forecast' and horizon_year > year(published) then 'a forecast about '
                   || horizon_year || ', after the article was published: the future cannot be checked'
               when claim_type = 'forecast' then 'a forecast' || coalesce(' about ' || horizon_year, '')
                   || ': a projection, not a reported estimate; not checked against estimates'
               when claim_type = 'target' then 'a target' || coalesce(' for ' || horizon_year, '')
                   || ': a goal set for the future, not a statement the estimates can check'
               when geography is distinct from 'UK' then 'about ' || coalesce(geography, 'an unknown place')
                   || ': the warehouse holds UK estimates only'
               when flow is null then 'names no flow (immigration, emigration or net migration) the warehouse can check'
               when period_end is null then 'no reference period could be read for it'
               when claim_type in ('change', 'bound') and cur_value is null or claim_type = 'ratio' and cur_value is null
                   or claim_type = 'record' and claimed_value is null and cur_value is null
                   then 'the warehouse has no ' || flow_label(flow, breakdown_value) || ' estimate for ' || period_end
               when claim_type = 'record' and max_value is null
                   then 'the warehouse has no ' || flow_label(flow, breakdown_value) || ' estimate up to ' || period_end
               when claim_type in ('change', 'ratio') and base_value is null then 'the warehouse has no '
                   || flow_label(flow, breakdown_value) || ' estimate for ' || case baseline
                       when 'peak_in_year' then 'the peak in ' || baseline_year
                       when 'since_year' then baseline_year::varchar
                       else last_day((period_end - interval 12 month)::date)::varchar end
                   || ' to compare with'
           end as unverifiable_because
    from computed
),
judged as (
    select *,
           case cmp
               when 'at_least' then greatest(c - x, 0)
               when 'at_most' then greatest(x - c, 0)
               when 'range' then greatest(c - x, x - c_high, 0)
               else abs(x - c)
           end as gap
    from missing
),
verdicts as (
    select *,
           case
               when unverifiable_because is not null then 'unverifiable'
               when gap <= tol + 1e-9 then 'consistent'
               when gap <= 0.05 * abs(x) then 'close'
               else 'inconsistent'
           end as verdict,
           case when claim_type = 'ratio' then printf('×%.2f', c) else people(c) end as c_text,
           case when claim_type = 'ratio' then printf('×%.3f', x) else people(abs(x)) end as x_text,
           case when claim_type = 'ratio' then printf('%.3f', gap) else people(gap) end as gap_text,
           case when claim_type = 'ratio' then printf('%.3f', tol) else people(tol) end as tol_text
    from judged
)
select claim_id, article_id, figure_id, speaker, claim_type, cue, comparison, direction, flow, breakdown_dim,
       breakdown_value, geography, period_end,
       case when claim_type in ('change', 'ratio') then base_period end as baseline_period_end,
       claimed_value, claimed_value_high, claimed_ratio, claimed_precision,
       case when unverifiable_because is null and claim_type <> 'ratio' then
           case claim_type when 'change' then cur_value - base_value when 'record' then max_value else cur_value end
       end as computed_value,
       case when unverifiable_because is null and claim_type = 'ratio' then x end as computed_ratio,
       case when unverifiable_because is null then tol end as tolerance,
       used_periods, used_vintages, used_article_ids, estimates_used, verdict,
       case
           when verdict = 'unverifiable' then unverifiable_because
           when claim_type = 'change' then
               'claimed a ' || case sign when -1 then 'fall' when 1 then 'rise' else 'change' end || ' of '
               || case cmp when 'at_least' then 'at least ' when 'at_most' then 'at most ' else '' end
               || people(claimed_value) || coalesce('-' || people(claimed_value_high), '')
               || '; ' || flow_label(flow, breakdown_value) || ' went from ' || people(base_value) || ' (' || base_period || ') to '
               || people(cur_value) || ' (' || period_end || '), a '
               || case when cur_value < base_value then 'fall' else 'rise' end || ' of ' || people(abs(cur_value - base_value))
           when claim_type = 'bound' then
               'claimed ' || case cmp when 'at_least' then 'over ' else 'under ' end || people(claimed_value)
               || '; ' || flow_label(flow, breakdown_value) || ' for ' || period_end || ' is ' || people(cur_value)
           when claim_type = 'ratio' then
               'claimed ' || flow_label(flow, breakdown_value) || ' ' || cue || ' (' || c_text || ') against '
               || case baseline when 'peak_in_year' then 'the peak of ' || baseline_year else base_period::varchar end
               || '; it went from ' || people(base_value) || ' (' || base_period || ') to ' || people(cur_value)
               || ' (' || period_end || '), ' || x_text
           when claim_type = 'record' then
               'claimed ' || case when claimed_value is null
                                  then flow_label(flow, breakdown_value) || ' for ' || period_end || ' (' || people(x) || ' in the warehouse)'
                                  else people(x) || ' (' || period_end || ')' end
               || ' is a record; the highest ' || flow_label(flow, breakdown_value)
               || ' within this warehouse over ' || earlier_count || ' period' || case when earlier_count = 1 then '' else 's' end
               || ' from ' || first_period || ' to ' || period_end || ' is ' || people(max_value) || ' (' || max_period || ')'
               || ' - the warehouse is not the whole official series'
       end
       || case
           when verdict = 'consistent' then ': consistent within the ' || tol_text || ' the rounding allows'
           when verdict = 'close' then ': off by ' || gap_text || ' (' || printf('%.1f', 100 * gap / abs(x)) || '%), within 5%'
           -- a computed value of 0 has no percentage: say the gap alone rather than lose the explanation
           when verdict = 'inconsistent' then ': off by ' || gap_text
               || coalesce(' (' || printf('%.1f', 100 * gap / nullif(abs(x), 0)) || '%)', ' (against 0)')
               || ', beyond 5%'
           else ''
       end as explanation,
       raw_text, sentence, char_start, char_end, published
from verdicts
order by article_id, char_start;

insert into staging.claim_build values ($build_id, $run_id, now());
