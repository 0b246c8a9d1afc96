-- The frame the `claim_checks` suite validates: the staged claim checks, with derived columns that
-- make each rule a single-column expectation (null where a rule does not apply).
select c.claim_id, c.article_id, c.figure_id, c.speaker, c.claim_type, c.comparison, c.verdict, c.explanation,
       c.sentence, c.raw_text,
       a.article_id is not null as article_linked,
       case when c.figure_id is not null then f.figure_id is not null and f.article_id = c.article_id end
           as figure_linked,
       case when c.verdict <> 'unverifiable'
            then coalesce(c.computed_value, c.computed_ratio) is not null and len(c.used_periods) > 0 end
           as computed_present,
       substr(a.text, c.char_start + 1, c.char_end - c.char_start) = c.raw_text as offsets_match
from staging.claim_checks c
left join raw.articles a using (article_id)
left join core.figures f on f.figure_id = c.figure_id
order by c.claim_id;
