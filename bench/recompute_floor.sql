-- The floor for the inequities recompute: the same aggregates as inequities/extract.py, written by
-- hand as one SQL file and run directly with psql (bench/recompute.py runs it and times it):
--
--   psql -X -q -v ON_ERROR_STOP=1 -v today=2026-11-22 -v start=2025-11-23 -v end=2026-11-22 \
--        -h 127.0.0.1 -U postgres bench -f bench/recompute_floor.sql
--
-- Every resident's group in each of the eleven dimensions is worked out once (the temporary table
-- `people`); each metric family is then one pass over its facts, joined to `people` and fanned out to
-- (dimension, group) with a LATERAL VALUES list, grouped by dimension, group and region. Dates are
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
       CASE WHEN cp.no_internet THEN 'no_internet'
            WHEN NOT cp.no_internet THEN 'has_internet'
            ELSE 'not_recorded' END AS no_internet,
       CASE WHEN EXISTS (SELECT 1 FROM engagement_supportneed sn WHERE sn.resident_id = r.id AND sn.ended_on IS NULL)
            THEN 'yes' ELSE 'no' END AS support_need,
       COALESCE(h.scheme_type, 'not_recorded') AS scheme_type,
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

-- One row per (resident, dimension): the fan-out every family is grouped by.
CREATE TEMPORARY VIEW labelled AS
SELECT p.id, p.household_id, p.is_lead_tenant, p.is_current, p.region, d.dimension, d.grp
  FROM people p
 CROSS JOIN LATERAL (VALUES
       ('ethnic_group', p.ethnic_group), ('disability', p.disability), ('age_band', p.age_band),
       ('sex', p.sex), ('interpreter_needed', p.interpreter_needed), ('no_internet', p.no_internet),
       ('support_need', p.support_need), ('scheme_type', p.scheme_type), ('region', p.region),
       ('imd_decile', p.imd_decile), ('imd_quintile', p.imd_quintile)) AS d (dimension, grp);

CREATE TEMPORARY TABLE floor_counts (
    family text, metric text, dimension text, grp text, region text, n1 bigint, n2 bigint, n3 bigint
) ON COMMIT DROP;

-- The period as local whole days, as timestamps.
CREATE TEMPORARY TABLE period ON COMMIT DROP AS
SELECT (:'start'::timestamp AT TIME ZONE 'Europe/London') AS starts,
       ((:'end'::date + 1)::timestamp AT TIME ZONE 'Europe/London') AS ends;

-- Residents: the population every group is compared with.
INSERT INTO floor_counts
SELECT 'residents', 'residents', dimension, grp, region, count(*), NULL, NULL
  FROM labelled WHERE is_current GROUP BY dimension, grp, region;

-- Survey answers: valid (not "don't know"), satisfied and dissatisfied, per measure.
INSERT INTO floor_counts
SELECT 'survey_answers', a.metric, l.dimension, l.grp, l.region,
       count(*), count(*) FILTER (WHERE a.value IN ('very_satisfied', 'fairly_satisfied', 'strongly_agree', 'agree')),
       count(*) FILTER (WHERE a.value IN ('fairly_dissatisfied', 'very_dissatisfied', 'disagree', 'strongly_disagree'))
  FROM (SELECT rs.resident_id, an.value,
               CASE WHEN q.tsm_measure = '' THEN q.code ELSE q.tsm_measure END AS metric
          FROM surveys_answer an
          JOIN surveys_question q ON q.id = an.question_id
          JOIN surveys_surveyversion v ON v.id = q.version_id
          JOIN surveys_survey s ON s.id = v.survey_id
          JOIN surveys_response rs ON rs.id = an.response_id, period
         WHERE (q.tsm_measure IN ('TP01', 'TP02', 'TP03', 'TP04')
                OR (q.code IN ('REPAIR_OVERALL') AND s.kind = 'transactional'))
           AND rs.submitted_at >= period.starts AND rs.submitted_at < period.ends
           AND an.value <> 'dont_know') a
  JOIN labelled l ON l.id = a.resident_id
 GROUP BY a.metric, l.dimension, l.grp, l.region;

-- Invitations made in the period, and how many became a submitted response.
INSERT INTO floor_counts
SELECT 'invitations', 'invitation_response', l.dimension, l.grp, l.region,
       count(*), count(*) FILTER (WHERE i.responded), NULL
  FROM (SELECT i.resident_id, rs.submitted_at IS NOT NULL AS responded
          FROM surveys_invitation i
          LEFT JOIN surveys_response rs ON rs.invitation_id = i.id, period
         WHERE i.created_at >= period.starts AND i.created_at < period.ends) i
  JOIN labelled l ON l.id = i.resident_id
 GROUP BY l.dimension, l.grp, l.region;

-- Submitted responses: whose voices the surveys carry.
INSERT INTO floor_counts
SELECT 'responses', 'share_of_voice', l.dimension, l.grp, l.region, count(*), NULL, NULL
  FROM surveys_response rs, period, labelled l
 WHERE l.id = rs.resident_id AND rs.submitted_at >= period.starts AND rs.submitted_at < period.ends
 GROUP BY l.dimension, l.grp, l.region;

-- Repairs completed in the period, by the household's lead tenant: on time, and repeated.
INSERT INTO floor_counts
SELECT 'repairs', 'repairs', l.dimension, l.grp, l.region,
       count(*), count(*) FILTER (WHERE r.on_time), count(*) FILTER (WHERE r.repeated)
  FROM (SELECT rr.household_id, rr.completed_at <= rr.due_at AS on_time,
               EXISTS (SELECT 1 FROM repairs_repairrequest recall WHERE recall.recall_of_id = rr.id) AS repeated
          FROM repairs_repairrequest rr, period
         WHERE rr.status = 'completed' AND rr.completed_at >= period.starts AND rr.completed_at < period.ends) r
  JOIN labelled l ON l.household_id = r.household_id AND l.is_lead_tenant
 GROUP BY l.dimension, l.grp, l.region;

-- Visits due in the period that have an outcome: how many we missed.
INSERT INTO floor_counts
SELECT 'appointments', 'appointments_missed', l.dimension, l.grp, l.region,
       count(*), count(*) FILTER (WHERE v.missed), NULL
  FROM (SELECT rr.household_id, ap.outcome = 'missed_by_landlord' AS missed
          FROM repairs_appointment ap
          JOIN repairs_repairrequest rr ON rr.id = ap.repair_id
         WHERE ap.date >= :'start'::date AND ap.date <= :'end'::date AND ap.outcome <> 'booked') v
  JOIN labelled l ON l.household_id = v.household_id AND l.is_lead_tenant
 GROUP BY l.dimension, l.grp, l.region;

-- Reasonable adjustments asked for in the period, and how many are in place.
INSERT INTO floor_counts
SELECT 'adjustments', 'adjustments_in_place', l.dimension, l.grp, l.region,
       count(*), count(*) FILTER (WHERE ra.status = 'in_place'), NULL
  FROM engagement_reasonableadjustment ra
  JOIN labelled l ON l.id = ra.resident_id
 WHERE ra.requested_on >= :'start'::date AND ra.requested_on <= :'end'::date
 GROUP BY l.dimension, l.grp, l.region;

\copy (SELECT * FROM floor_counts ORDER BY 1, 2, 3, 4, 5) TO STDOUT WITH CSV HEADER

COMMIT;
