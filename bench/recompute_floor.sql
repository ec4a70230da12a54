-- The floor for the inequities recompute: the same aggregates as inequities/extract.py, written by
-- hand as one SQL file and run directly with psql (bench/recompute.py runs it and times it):
--
--   psql -X -q -v ON_ERROR_STOP=1 -v today=2026-11-22 -v start=2025-11-23 -v end=2026-11-22 \
--        -h 127.0.0.1 -U postgres bench -f bench/recompute_floor.sql
--
-- It covers every metric family in inequities/families.py (bench/recompute.py checks it). Its
-- second column is what the app's query puts in its `metric` column (empty where it has none).
-- Every resident's group in each of the eleven dimensions (and the representation review's three
-- questions of its own, for residents, panel members and participants) is worked out once (the temporary table
-- `people`); each metric family is then one pass over its facts joined to `people` (a materialised
-- CTE), counted by (group, region) for each dimension in turn and joined with UNION ALL. This beat
-- GROUPING SETS and a LATERAL fan-out to (dimension, group) on the bench data (41 s and 48 s in all). Dates are
-- periods of whole local days (Europe/London), compared as timestamps so indexes can serve them.
-- The results land in `floor_counts`, and the last statement prints them as CSV for comparison.

BEGIN;
-- As the app does (inequities/services.py): JIT compiling these wide CASE expressions costs more
-- than running them.
SET LOCAL jit = off;

CREATE TEMPORARY TABLE people ON COMMIT DROP AS
SELECT r.id,
       r.household_id,
       r.is_lead_tenant,
       hh.tenancy_end IS NULL AS is_current,
       COALESCE(rg.name, 'not_recorded') AS region,
       CASE WHEN e.ethnicity LIKE 'asian\_%' THEN 'asian'
            WHEN e.ethnicity LIKE 'black\_%' THEN 'black'
            WHEN e.ethnicity LIKE 'mixed\_%' THEN 'mixed'
            WHEN e.ethnicity LIKE 'white\_%' THEN 'white'
            WHEN e.ethnicity LIKE 'other\_%' THEN 'other'
            WHEN e.ethnicity = 'prefer_not_to_say' THEN 'prefer_not_to_say'
            ELSE 'not_asked' END AS ethnic_group,
       COALESCE(e.disability, 'not_asked') AS disability,
       CASE WHEN r.date_of_birth IS NULL AND e.age_declined THEN 'prefer_not_to_say'
            WHEN r.date_of_birth IS NULL THEN 'not_asked'
            WHEN r.date_of_birth > (:'today'::date - interval '25 years')::date THEN '18_24'
            WHEN r.date_of_birth > (:'today'::date - interval '35 years')::date THEN '25_34'
            WHEN r.date_of_birth > (:'today'::date - interval '45 years')::date THEN '35_44'
            WHEN r.date_of_birth > (:'today'::date - interval '55 years')::date THEN '45_54'
            WHEN r.date_of_birth > (:'today'::date - interval '65 years')::date THEN '55_64'
            WHEN r.date_of_birth > (:'today'::date - interval '75 years')::date THEN '65_74'
            ELSE '75_plus' END AS age_band,
       COALESCE(e.sex, 'not_asked') AS sex,
       COALESCE(e.interpreter_needed, 'not_asked') AS interpreter_needed,
       COALESCE(e.gender_identity, 'not_asked') AS gender_identity,
       COALESCE(e.sexual_orientation, 'not_asked') AS sexual_orientation,
       COALESCE(e.religion, 'not_asked') AS religion,
       CASE WHEN cp.no_internet THEN 'no_internet'
            WHEN NOT cp.no_internet THEN 'has_internet'
            ELSE 'not_recorded' END AS no_internet,
       CASE WHEN EXISTS (SELECT 1 FROM engagement_supportneed sn WHERE sn.resident_id = r.id AND sn.ended_on IS NULL)
            THEN 'yes' ELSE 'no' END AS support_need,
       COALESCE(h.scheme_type, 'not_recorded') AS scheme_type,
       COALESCE(rg.name, 'not_recorded') AS region_group,
       COALESCE(h.imd_decile::text, 'not_recorded') AS imd_decile,
       CASE WHEN h.imd_decile IN (1, 2) THEN '1' WHEN h.imd_decile IN (3, 4) THEN '2'
            WHEN h.imd_decile IN (5, 6) THEN '3' WHEN h.imd_decile IN (7, 8) THEN '4'
            WHEN h.imd_decile IN (9, 10) THEN '5' ELSE 'not_recorded' END AS imd_quintile
  FROM engagement_resident r
  JOIN engagement_household hh ON hh.id = r.household_id
  JOIN engagement_home h ON h.id = hh.home_id
  JOIN engagement_region rg ON rg.id = h.region_id
  LEFT JOIN engagement_equalityprofile e ON e.resident_id = r.id
  LEFT JOIN engagement_communicationpreference cp ON cp.resident_id = r.id;

CREATE UNIQUE INDEX ON people (id);
CREATE INDEX ON people (household_id) WHERE is_lead_tenant;
ANALYZE people;

CREATE TEMPORARY TABLE floor_counts (
    family text, metric text, dimension text, grp text, region text, n1 bigint, n2 bigint, n3 bigint
) ON COMMIT DROP;

-- The period as local whole days, as timestamps.
CREATE TEMPORARY TABLE period ON COMMIT DROP AS
SELECT (:'start'::timestamp AT TIME ZONE 'Europe/London') AS starts,
       ((:'end'::date + 1)::timestamp AT TIME ZONE 'Europe/London') AS ends;

-- Residents: the population every group is compared with.
WITH f AS MATERIALIZED (
SELECT * FROM people WHERE is_current
)
INSERT INTO floor_counts
SELECT 'residents', '', 'ethnic_group', ethnic_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'residents', '', 'disability', disability, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'residents', '', 'age_band', age_band, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'residents', '', 'sex', sex, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'residents', '', 'interpreter_needed', interpreter_needed, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'residents', '', 'no_internet', no_internet, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'residents', '', 'support_need', support_need, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'residents', '', 'scheme_type', scheme_type, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'residents', '', 'region', region_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'residents', '', 'imd_decile', imd_decile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'residents', '', 'imd_quintile', imd_quintile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_quintile, region
UNION ALL
SELECT 'residents', '', 'gender_identity', gender_identity, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY gender_identity, region
UNION ALL
SELECT 'residents', '', 'sexual_orientation', sexual_orientation, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sexual_orientation, region
UNION ALL
SELECT 'residents', '', 'religion', religion, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY religion, region;

-- Survey answers: valid (not "don't know"), satisfied and dissatisfied, per measure.
WITH f AS MATERIALIZED (
SELECT p.*, a.metric,
       a.value IN ('very_satisfied', 'fairly_satisfied', 'strongly_agree', 'agree') AS satisfied,
       a.value IN ('fairly_dissatisfied', 'very_dissatisfied', 'disagree', 'strongly_disagree') AS dissatisfied
  FROM (SELECT rs.resident_id, an.value, CASE WHEN q.tsm_measure = '' THEN q.code ELSE q.tsm_measure END AS metric
          FROM surveys_answer an
          JOIN surveys_question q ON q.id = an.question_id
          JOIN surveys_surveyversion v ON v.id = q.version_id
          JOIN surveys_survey s ON s.id = v.survey_id
          JOIN surveys_response rs ON rs.id = an.response_id, period
         WHERE (q.tsm_measure IN ('TP01', 'TP02', 'TP03', 'TP04')
                OR (q.code IN ('REPAIR_OVERALL') AND s.kind = 'transactional'))
           AND rs.submitted_at IS NOT NULL AND rs.received_on >= :'start'::date AND rs.received_on <= :'end'::date
           AND an.value <> 'dont_know') a
  JOIN people p ON p.id = a.resident_id
)
INSERT INTO floor_counts
SELECT 'survey_answers', metric, 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY ethnic_group, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'disability', disability, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY disability, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'age_band', age_band, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY age_band, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'sex', sex, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY sex, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY interpreter_needed, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY no_internet, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'support_need', support_need, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY support_need, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY scheme_type, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'region', region_group, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY region_group, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY imd_decile, region, metric
UNION ALL
SELECT 'survey_answers', metric, 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE dissatisfied) FROM f GROUP BY imd_quintile, region, metric;

-- Invitations made in the period, and how many became a submitted response.
WITH f AS MATERIALIZED (
SELECT p.*, i.responded
  FROM (SELECT i.resident_id, rs.submitted_at IS NOT NULL AS responded
          FROM surveys_invitation i
          LEFT JOIN surveys_response rs ON rs.invitation_id = i.id, period
         WHERE i.created_at >= period.starts AND i.created_at < period.ends) i
  JOIN people p ON p.id = i.resident_id
)
INSERT INTO floor_counts
SELECT 'invitations', '', 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'invitations', '', 'disability', disability, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'invitations', '', 'age_band', age_band, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'invitations', '', 'sex', sex, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'invitations', '', 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'invitations', '', 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'invitations', '', 'support_need', support_need, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'invitations', '', 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'invitations', '', 'region', region_group, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'invitations', '', 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'invitations', '', 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE responded), NULL::bigint FROM f GROUP BY imd_quintile, region;

-- Submitted responses: whose voices the surveys carry.
WITH f AS MATERIALIZED (
SELECT p.*
  FROM surveys_response rs, period, people p
 WHERE p.id = rs.resident_id AND rs.submitted_at IS NOT NULL AND rs.received_on >= :'start'::date AND rs.received_on <= :'end'::date
)
INSERT INTO floor_counts
SELECT 'responses', '', 'ethnic_group', ethnic_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'responses', '', 'disability', disability, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'responses', '', 'age_band', age_band, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'responses', '', 'sex', sex, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'responses', '', 'interpreter_needed', interpreter_needed, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'responses', '', 'no_internet', no_internet, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'responses', '', 'support_need', support_need, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'responses', '', 'scheme_type', scheme_type, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'responses', '', 'region', region_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'responses', '', 'imd_decile', imd_decile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'responses', '', 'imd_quintile', imd_quintile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_quintile, region;

-- Repairs completed in the period, by the household's lead tenant: on time, and repeated.
WITH f AS MATERIALIZED (
SELECT p.*, r.on_time, r.repeated
  FROM (SELECT rr.household_id, rr.completed_at <= rr.due_at AS on_time,
               EXISTS (SELECT 1 FROM repairs_repairrequest recall WHERE recall.recall_of_id = rr.id) AS repeated
          FROM repairs_repairrequest rr, period
         WHERE rr.status = 'completed' AND rr.completed_at >= period.starts AND rr.completed_at < period.ends) r
  JOIN people p ON p.household_id = r.household_id AND p.is_lead_tenant
)
INSERT INTO floor_counts
SELECT 'repairs', '', 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'repairs', '', 'disability', disability, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY disability, region
UNION ALL
SELECT 'repairs', '', 'age_band', age_band, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY age_band, region
UNION ALL
SELECT 'repairs', '', 'sex', sex, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY sex, region
UNION ALL
SELECT 'repairs', '', 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'repairs', '', 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'repairs', '', 'support_need', support_need, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY support_need, region
UNION ALL
SELECT 'repairs', '', 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'repairs', '', 'region', region_group, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY region_group, region
UNION ALL
SELECT 'repairs', '', 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'repairs', '', 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE repeated) FROM f GROUP BY imd_quintile, region;

-- Visits due in the period that have an outcome: how many we missed.
WITH f AS MATERIALIZED (
SELECT p.*, v.missed
  FROM (SELECT rr.household_id, ap.outcome = 'missed_by_landlord' AS missed
          FROM repairs_appointment ap
          JOIN repairs_repairrequest rr ON rr.id = ap.repair_id
         WHERE ap.date >= :'start'::date AND ap.date <= :'end'::date AND ap.outcome <> 'booked') v
  JOIN people p ON p.household_id = v.household_id AND p.is_lead_tenant
)
INSERT INTO floor_counts
SELECT 'appointments', '', 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'appointments', '', 'disability', disability, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'appointments', '', 'age_band', age_band, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'appointments', '', 'sex', sex, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'appointments', '', 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'appointments', '', 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'appointments', '', 'support_need', support_need, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'appointments', '', 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'appointments', '', 'region', region_group, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'appointments', '', 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'appointments', '', 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE missed), NULL::bigint FROM f GROUP BY imd_quintile, region;

-- Reasonable adjustments asked for in the period, and how many are in place.
WITH f AS MATERIALIZED (
SELECT p.*, ra.status = 'in_place' AS in_place
  FROM engagement_reasonableadjustment ra
  JOIN people p ON p.id = ra.resident_id
 WHERE ra.requested_on >= :'start'::date AND ra.requested_on <= :'end'::date
)
INSERT INTO floor_counts
SELECT 'adjustments', '', 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'adjustments', '', 'disability', disability, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'adjustments', '', 'age_band', age_band, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'adjustments', '', 'sex', sex, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'adjustments', '', 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'adjustments', '', 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'adjustments', '', 'support_need', support_need, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'adjustments', '', 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'adjustments', '', 'region', region_group, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'adjustments', '', 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'adjustments', '', 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE in_place), NULL::bigint FROM f GROUP BY imd_quintile, region;

-- Repairs completed in the period, counted by how many working days each took (the medians' histogram).
WITH f AS MATERIALIZED (
SELECT p.*, rr.working_days_to_complete AS days
  FROM repairs_repairrequest rr, period, people p
 WHERE p.household_id = rr.household_id AND p.is_lead_tenant
   AND rr.status = 'completed' AND rr.completed_at >= period.starts AND rr.completed_at < period.ends
   AND rr.working_days_to_complete IS NOT NULL
)
INSERT INTO floor_counts
SELECT 'working_days', ':' || days, 'ethnic_group', ethnic_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY ethnic_group, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'disability', disability, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY disability, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'age_band', age_band, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY age_band, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'sex', sex, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sex, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'interpreter_needed', interpreter_needed, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY interpreter_needed, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'no_internet', no_internet, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY no_internet, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'support_need', support_need, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY support_need, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'scheme_type', scheme_type, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY scheme_type, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'region', region_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY region_group, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'imd_decile', imd_decile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_decile, region, days
UNION ALL
SELECT 'working_days', ':' || days, 'imd_quintile', imd_quintile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_quintile, region, days;

-- Significant hazards with Awaab's Law clocks reported in the period: decided (every clock met, or one missed), and met.
WITH f AS MATERIALIZED (
SELECT p.*, c.met, c.met OR c.failed AS decided
  FROM (SELECT rr.household_id,
               (rr.investigated_at AT TIME ZONE 'Europe/London')::date <= rr.awaab_investigation_due
               AND rr.summary_sent_on <= rr.awaab_summary_due
               AND (rr.made_safe_at AT TIME ZONE 'Europe/London')::date <= rr.awaab_safety_due
               AND rr.preventative_work_started_on <= rr.awaab_preventative_due AS met,
               (rr.investigated_at AT TIME ZONE 'Europe/London')::date > rr.awaab_investigation_due
               OR (rr.investigated_at IS NULL AND rr.awaab_investigation_due < :'today'::date)
               OR rr.summary_sent_on > rr.awaab_summary_due
               OR (rr.summary_sent_on IS NULL AND rr.awaab_summary_due < :'today'::date)
               OR (rr.made_safe_at AT TIME ZONE 'Europe/London')::date > rr.awaab_safety_due
               OR (rr.made_safe_at IS NULL AND rr.awaab_safety_due < :'today'::date)
               OR rr.preventative_work_started_on > rr.awaab_preventative_due
               OR (rr.preventative_work_started_on IS NULL AND rr.awaab_preventative_due < :'today'::date) AS failed
          FROM repairs_repairrequest rr, period
         WHERE rr.awaab_investigation_due IS NOT NULL AND rr.status <> 'cancelled'
           AND rr.reported_at >= period.starts AND rr.reported_at < period.ends) c
  JOIN people p ON p.household_id = c.household_id AND p.is_lead_tenant
)
INSERT INTO floor_counts
SELECT 'awaabs_law', '', 'ethnic_group', ethnic_group, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'awaabs_law', '', 'disability', disability, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'awaabs_law', '', 'age_band', age_band, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'awaabs_law', '', 'sex', sex, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'awaabs_law', '', 'interpreter_needed', interpreter_needed, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'awaabs_law', '', 'no_internet', no_internet, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'awaabs_law', '', 'support_need', support_need, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'awaabs_law', '', 'scheme_type', scheme_type, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'awaabs_law', '', 'region', region_group, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'awaabs_law', '', 'imd_decile', imd_decile, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'awaabs_law', '', 'imd_quintile', imd_quintile, region, count(*) FILTER (WHERE decided), count(*) FILTER (WHERE met), NULL::bigint FROM f GROUP BY imd_quintile, region;

-- Complaints received in the period (by the household's lead tenant), per current household
-- (by its lead tenant); a group with no current household is not shown, as in the app.
CREATE TEMPORARY TABLE complaint_counts (dimension text, grp text, region text, n bigint) ON COMMIT DROP;
CREATE TEMPORARY TABLE household_counts (dimension text, grp text, region text, n bigint) ON COMMIT DROP;

-- Complaints received in the period.
WITH f AS MATERIALIZED (
SELECT p.*
  FROM repairs_complaint c
  JOIN people p ON p.household_id = c.household_id AND p.is_lead_tenant
 WHERE c.received_on >= :'start'::date AND c.received_on <= :'end'::date
)
INSERT INTO complaint_counts
SELECT 'ethnic_group', ethnic_group, region, count(*) FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'disability', disability, region, count(*) FROM f GROUP BY disability, region
UNION ALL
SELECT 'age_band', age_band, region, count(*) FROM f GROUP BY age_band, region
UNION ALL
SELECT 'sex', sex, region, count(*) FROM f GROUP BY sex, region
UNION ALL
SELECT 'interpreter_needed', interpreter_needed, region, count(*) FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'no_internet', no_internet, region, count(*) FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'support_need', support_need, region, count(*) FROM f GROUP BY support_need, region
UNION ALL
SELECT 'scheme_type', scheme_type, region, count(*) FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'region', region_group, region, count(*) FROM f GROUP BY region_group, region
UNION ALL
SELECT 'imd_decile', imd_decile, region, count(*) FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'imd_quintile', imd_quintile, region, count(*) FROM f GROUP BY imd_quintile, region;

-- Current households.
WITH f AS MATERIALIZED (
SELECT p.* FROM people p WHERE p.is_lead_tenant AND p.is_current
)
INSERT INTO household_counts
SELECT 'ethnic_group', ethnic_group, region, count(*) FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'disability', disability, region, count(*) FROM f GROUP BY disability, region
UNION ALL
SELECT 'age_band', age_band, region, count(*) FROM f GROUP BY age_band, region
UNION ALL
SELECT 'sex', sex, region, count(*) FROM f GROUP BY sex, region
UNION ALL
SELECT 'interpreter_needed', interpreter_needed, region, count(*) FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'no_internet', no_internet, region, count(*) FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'support_need', support_need, region, count(*) FROM f GROUP BY support_need, region
UNION ALL
SELECT 'scheme_type', scheme_type, region, count(*) FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'region', region_group, region, count(*) FROM f GROUP BY region_group, region
UNION ALL
SELECT 'imd_decile', imd_decile, region, count(*) FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'imd_quintile', imd_quintile, region, count(*) FROM f GROUP BY imd_quintile, region;

INSERT INTO floor_counts
SELECT 'complaints', '', h.dimension, h.grp, h.region, COALESCE(c.n, 0), h.n, NULL::bigint
  FROM household_counts h
  LEFT JOIN complaint_counts c USING (dimension, grp, region);

-- Current residents on a scrutiny panel on the last day of the period.
WITH f AS MATERIALIZED (
SELECT p.* FROM people p
 WHERE p.is_current AND p.id IN (SELECT m.resident_id FROM engagement_panelmembership m
                                  WHERE m.started_on <= :'end'::date AND (m.ended_on IS NULL OR m.ended_on >= :'end'::date))
)
INSERT INTO floor_counts
SELECT 'representation', 'panel', 'ethnic_group', ethnic_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'representation', 'panel', 'disability', disability, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'representation', 'panel', 'age_band', age_band, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'representation', 'panel', 'sex', sex, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'representation', 'panel', 'interpreter_needed', interpreter_needed, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'representation', 'panel', 'no_internet', no_internet, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'representation', 'panel', 'support_need', support_need, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'representation', 'panel', 'scheme_type', scheme_type, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'representation', 'panel', 'region', region_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'representation', 'panel', 'imd_decile', imd_decile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'representation', 'panel', 'imd_quintile', imd_quintile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_quintile, region
UNION ALL
SELECT 'representation', 'panel', 'gender_identity', gender_identity, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY gender_identity, region
UNION ALL
SELECT 'representation', 'panel', 'sexual_orientation', sexual_orientation, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sexual_orientation, region
UNION ALL
SELECT 'representation', 'panel', 'religion', religion, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY religion, region;

-- Current residents named at an engagement activity held in the period (each once).
WITH f AS MATERIALIZED (
SELECT p.* FROM people p
 WHERE p.is_current AND p.id IN (SELECT ap.resident_id FROM engagement_engagementactivity_participants ap
                                  JOIN engagement_engagementactivity a ON a.id = ap.engagementactivity_id
                                  WHERE a.held_on >= :'start'::date AND a.held_on <= :'end'::date)
)
INSERT INTO floor_counts
SELECT 'representation', 'participants', 'ethnic_group', ethnic_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'representation', 'participants', 'disability', disability, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'representation', 'participants', 'age_band', age_band, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'representation', 'participants', 'sex', sex, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'representation', 'participants', 'interpreter_needed', interpreter_needed, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'representation', 'participants', 'no_internet', no_internet, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'representation', 'participants', 'support_need', support_need, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'representation', 'participants', 'scheme_type', scheme_type, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'representation', 'participants', 'region', region_group, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'representation', 'participants', 'imd_decile', imd_decile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'representation', 'participants', 'imd_quintile', imd_quintile, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY imd_quintile, region
UNION ALL
SELECT 'representation', 'participants', 'gender_identity', gender_identity, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY gender_identity, region
UNION ALL
SELECT 'representation', 'participants', 'sexual_orientation', sexual_orientation, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY sexual_orientation, region
UNION ALL
SELECT 'representation', 'participants', 'religion', religion, region, count(*), NULL::bigint, NULL::bigint FROM f GROUP BY religion, region;

-- People who took part without being named (extract.unnamed_participants), once per activity, by the
-- activity's region ('all' for an activity for every region): their answers from the anonymous
-- counts, the rest "not asked"; "not recorded" in the other dimensions; the region is the activity's.
CREATE TEMPORARY TABLE unnamed_heads ON COMMIT DROP AS
SELECT COALESCE(rg.name, 'all') AS region, sum(a.headcount) AS n
  FROM engagement_engagementactivity a LEFT JOIN engagement_region rg ON rg.id = a.region_id
 WHERE a.held_on >= :'start'::date AND a.held_on <= :'end'::date
 GROUP BY 1;

CREATE TEMPORARY TABLE unnamed_given ON COMMIT DROP AS
SELECT COALESCE(rg.name, 'all') AS region, ac.dimension, ac."group" AS grp, sum(ac.count) AS n
  FROM engagement_anonymouscount ac
  JOIN engagement_engagementactivity a ON a.id = ac.activity_id
  LEFT JOIN engagement_region rg ON rg.id = a.region_id
 WHERE a.held_on >= :'start'::date AND a.held_on <= :'end'::date
 GROUP BY 1, 2, 3;

INSERT INTO floor_counts
SELECT 'representation', 'unnamed_participants', dimension, grp, region, n, NULL::bigint, NULL::bigint
  FROM (
    SELECT region, dimension, grp, n FROM unnamed_given WHERE grp <> 'not_asked'
    UNION ALL
    SELECT h.region, q.dimension, 'not_asked',
           h.n - COALESCE((SELECT sum(g.n) FROM unnamed_given g
                            WHERE g.region = h.region AND g.dimension = q.dimension AND g.grp <> 'not_asked'), 0)
      FROM unnamed_heads h
     CROSS JOIN (VALUES ('age_band'), ('disability'), ('ethnic_group'), ('sex'), ('gender_identity'),
                        ('sexual_orientation'), ('religion'), ('interpreter_needed')) AS q(dimension)
    UNION ALL
    SELECT h.region, o.dimension, 'not_recorded', h.n
      FROM unnamed_heads h
     CROSS JOIN (VALUES ('no_internet'), ('support_need'), ('scheme_type'), ('imd_decile'), ('imd_quintile')) AS o(dimension)
    UNION ALL
    SELECT region, 'region', CASE WHEN region = 'all' THEN 'not_recorded' ELSE region END, n FROM unnamed_heads
  ) AS unnamed
 WHERE n <> 0;

-- Repairs reported in the period, and how many were windows, doors, gates or fences, for homes in
-- the most crime-deprived fifth of neighbourhoods (IMD crime deciles 1 and 2) and elsewhere.
INSERT INTO floor_counts
SELECT 'security', '', 'crime_deprivation',
       CASE WHEN h.crime_decile <= 2 THEN 'most_crime_deprived'
            WHEN h.crime_decile IS NOT NULL THEN 'other_areas' ELSE 'not_recorded' END AS grp,
       COALESCE(rg.name, 'not_recorded') AS region,
       count(*) FILTER (WHERE rr.category IN ('windows', 'doors', 'gates_fences')), count(*), NULL::bigint
  FROM repairs_repairrequest rr
  JOIN engagement_home h ON h.id = rr.home_id
  LEFT JOIN engagement_region rg ON rg.id = h.region_id, period
 WHERE rr.status <> 'cancelled' AND rr.reported_at >= period.starts AND rr.reported_at < period.ends
 GROUP BY 4, 5;

-- TSM RP02: rented homes' repairs completed in the period (by the household's lead tenant), and how
-- many within the landlord's own target; metric RP02_1 non-emergency, RP02_2 emergency.
WITH f AS MATERIALIZED (
SELECT p.*, r.metric, r.on_time
  FROM (SELECT rr.household_id, CASE WHEN rr.priority = 'emergency' THEN 'RP02_2' ELSE 'RP02_1' END AS metric,
               rr.completed_at <= rr.due_at AS on_time
          FROM repairs_repairrequest rr
          JOIN engagement_home h ON h.id = rr.home_id, period
         WHERE rr.status = 'completed' AND rr.completed_at >= period.starts AND rr.completed_at < period.ends
           AND h.scheme_type NOT IN ('shared_ownership', 'leasehold')) r
  JOIN people p ON p.household_id = r.household_id AND p.is_lead_tenant
)
INSERT INTO floor_counts
SELECT 'tsm_repairs', metric, 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, ethnic_group, region
UNION ALL
SELECT 'tsm_repairs', metric, 'disability', disability, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, disability, region
UNION ALL
SELECT 'tsm_repairs', metric, 'age_band', age_band, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, age_band, region
UNION ALL
SELECT 'tsm_repairs', metric, 'sex', sex, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, sex, region
UNION ALL
SELECT 'tsm_repairs', metric, 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, interpreter_needed, region
UNION ALL
SELECT 'tsm_repairs', metric, 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, no_internet, region
UNION ALL
SELECT 'tsm_repairs', metric, 'support_need', support_need, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, support_need, region
UNION ALL
SELECT 'tsm_repairs', metric, 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, scheme_type, region
UNION ALL
SELECT 'tsm_repairs', metric, 'region', region_group, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, region_group, region
UNION ALL
SELECT 'tsm_repairs', metric, 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, imd_decile, region
UNION ALL
SELECT 'tsm_repairs', metric, 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE on_time), NULL::bigint FROM f GROUP BY metric, imd_quintile, region;

-- TSM CH02: complaint stages made in the period (not leasehold homes), by the household's lead
-- tenant, and how many were answered by their Code due date; metric CH02_1 or CH02_2, the stage.
WITH f AS MATERIALIZED (
SELECT p.*, s.metric, s.within_code
  FROM (SELECT c.household_id, CASE WHEN st.number = 1 THEN 'CH02_1' ELSE 'CH02_2' END AS metric,
               st.responded_on <= st.decision_due_on AS within_code
          FROM repairs_complaintstage st
          JOIN repairs_complaint c ON c.id = st.complaint_id
          JOIN engagement_household hh ON hh.id = c.household_id
          JOIN engagement_home h ON h.id = hh.home_id
         WHERE st.received_on >= :'start'::date AND st.received_on <= :'end'::date
           AND h.scheme_type <> 'leasehold') s
  JOIN people p ON p.household_id = s.household_id AND p.is_lead_tenant
)
INSERT INTO floor_counts
SELECT 'tsm_complaints', metric, 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, ethnic_group, region
UNION ALL
SELECT 'tsm_complaints', metric, 'disability', disability, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, disability, region
UNION ALL
SELECT 'tsm_complaints', metric, 'age_band', age_band, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, age_band, region
UNION ALL
SELECT 'tsm_complaints', metric, 'sex', sex, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, sex, region
UNION ALL
SELECT 'tsm_complaints', metric, 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, interpreter_needed, region
UNION ALL
SELECT 'tsm_complaints', metric, 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, no_internet, region
UNION ALL
SELECT 'tsm_complaints', metric, 'support_need', support_need, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, support_need, region
UNION ALL
SELECT 'tsm_complaints', metric, 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, scheme_type, region
UNION ALL
SELECT 'tsm_complaints', metric, 'region', region_group, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, region_group, region
UNION ALL
SELECT 'tsm_complaints', metric, 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, imd_decile, region
UNION ALL
SELECT 'tsm_complaints', metric, 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE within_code), NULL::bigint FROM f GROUP BY metric, imd_quintile, region;

-- A home's facts (building-safety checks, decency, anti-social behaviour cases) count in the groups
-- of the lead tenant of its current household, and in the home's own type, region and deprivation:
-- an empty home's in "not asked" (or "not recorded", and no support need) in the residents' dimensions.
CREATE TEMPORARY TABLE homes ON COMMIT DROP AS
SELECT h.id,
       COALESCE(p.ethnic_group, 'not_asked') AS ethnic_group,
       COALESCE(p.disability, 'not_asked') AS disability,
       COALESCE(p.age_band, 'not_asked') AS age_band,
       COALESCE(p.sex, 'not_asked') AS sex,
       COALESCE(p.interpreter_needed, 'not_asked') AS interpreter_needed,
       COALESCE(p.no_internet, 'not_recorded') AS no_internet,
       COALESCE(p.support_need, 'no') AS support_need,
       h.scheme_type,
       COALESCE(rg.name, 'not_recorded') AS region,
       COALESCE(rg.name, 'not_recorded') AS region_group,
       COALESCE(h.imd_decile::text, 'not_recorded') AS imd_decile,
       CASE WHEN h.imd_decile IN (1, 2) THEN '1' WHEN h.imd_decile IN (3, 4) THEN '2'
            WHEN h.imd_decile IN (5, 6) THEN '3' WHEN h.imd_decile IN (7, 8) THEN '4'
            WHEN h.imd_decile IN (9, 10) THEN '5' ELSE 'not_recorded' END AS imd_quintile
  FROM engagement_home h
  JOIN engagement_region rg ON rg.id = h.region_id
  LEFT JOIN engagement_household hh ON hh.home_id = h.id AND hh.tenancy_end IS NULL
  LEFT JOIN people p ON p.household_id = hh.id AND p.is_lead_tenant;

CREATE INDEX ON homes (id);
ANALYZE homes;

-- TSM BS01-BS05: homes (not leasehold) whose check of each type was required by the period's end
-- (due by then, or done), and how many had it done and recorded by then; metric the measure.
WITH f AS MATERIALIZED (
SELECT hm.*, c.metric, c.done
  FROM (SELECT cc.home_id,
               CASE cc.check_type WHEN 'gas' THEN 'BS01' WHEN 'fire_risk' THEN 'BS02' WHEN 'asbestos' THEN 'BS03'
                                  WHEN 'water' THEN 'BS04' WHEN 'lifts' THEN 'BS05' END AS metric,
               cc.done_on <= :'end'::date AND cc.recorded_on <= :'end'::date AS done
          FROM repairs_compliancecheck cc
         WHERE cc.required AND (cc.due_on <= :'end'::date OR cc.done_on <= :'end'::date)) c
  JOIN homes hm ON hm.id = c.home_id AND hm.scheme_type <> 'leasehold'
)
INSERT INTO floor_counts
SELECT 'tsm_building_safety', metric, 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, ethnic_group, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'disability', disability, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, disability, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'age_band', age_band, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, age_band, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'sex', sex, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, sex, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, interpreter_needed, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, no_internet, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'support_need', support_need, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, support_need, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, scheme_type, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'region', region_group, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, region_group, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, imd_decile, region
UNION ALL
SELECT 'tsm_building_safety', metric, 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE done), NULL::bigint FROM f GROUP BY metric, imd_quintile, region;

-- TSM RP01: homes (not leasehold) by their latest Decent Homes answer on or before the period's end,
-- and how many fail the Standard.
WITH f AS MATERIALIZED (
SELECT hm.*, d.fails_standard
  FROM (SELECT DISTINCT ON (dr.home_id) dr.home_id, dr.fails_standard
          FROM repairs_decencyrecord dr
         WHERE dr.as_at <= :'end'::date
         ORDER BY dr.home_id, dr.as_at DESC) d
  JOIN homes hm ON hm.id = d.home_id AND hm.scheme_type <> 'leasehold'
)
INSERT INTO floor_counts
SELECT 'tsm_decency', '', 'ethnic_group', ethnic_group, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'tsm_decency', '', 'disability', disability, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY disability, region
UNION ALL
SELECT 'tsm_decency', '', 'age_band', age_band, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY age_band, region
UNION ALL
SELECT 'tsm_decency', '', 'sex', sex, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY sex, region
UNION ALL
SELECT 'tsm_decency', '', 'interpreter_needed', interpreter_needed, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'tsm_decency', '', 'no_internet', no_internet, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'tsm_decency', '', 'support_need', support_need, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY support_need, region
UNION ALL
SELECT 'tsm_decency', '', 'scheme_type', scheme_type, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'tsm_decency', '', 'region', region_group, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY region_group, region
UNION ALL
SELECT 'tsm_decency', '', 'imd_decile', imd_decile, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'tsm_decency', '', 'imd_quintile', imd_quintile, region, count(*), count(*) FILTER (WHERE fails_standard), NULL::bigint FROM f GROUP BY imd_quintile, region;

-- TSM NM01: anti-social behaviour cases opened in the period (every case) and those involving a hate
-- incident, with the homes (not leasehold) they are counted per 1,000 of.
WITH f AS MATERIALIZED (
SELECT hm.*, 0 AS cases, 0 AS hate_cases, 1 AS homes FROM homes hm WHERE hm.scheme_type <> 'leasehold'
UNION ALL
SELECT hm.*, 1, CASE WHEN a.involves_hate_incident THEN 1 ELSE 0 END, 0
  FROM repairs_asbcase a
  JOIN homes hm ON hm.id = a.home_id
 WHERE a.opened_on >= :'start'::date AND a.opened_on <= :'end'::date
)
INSERT INTO floor_counts
SELECT 'tsm_antisocial_behaviour', '', 'ethnic_group', ethnic_group, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY ethnic_group, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'disability', disability, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY disability, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'age_band', age_band, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY age_band, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'sex', sex, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY sex, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'interpreter_needed', interpreter_needed, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY interpreter_needed, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'no_internet', no_internet, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY no_internet, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'support_need', support_need, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY support_need, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'scheme_type', scheme_type, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY scheme_type, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'region', region_group, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY region_group, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'imd_decile', imd_decile, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY imd_decile, region
UNION ALL
SELECT 'tsm_antisocial_behaviour', '', 'imd_quintile', imd_quintile, region, sum(cases), sum(hate_cases), sum(homes) FROM f GROUP BY imd_quintile, region;

\copy (SELECT * FROM floor_counts ORDER BY 1, 2, 3, 4, 5) TO STDOUT WITH CSV HEADER

COMMIT;
