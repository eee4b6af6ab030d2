-- The quarterly performance report (seed 003 §7; seed 000 for referral rates, places and
-- seasons). Every query takes the area (:area) and the quarter's first and last day
-- (:from, :to).

-- name: assessments
-- (1) CE assessments that proceeded to MACCSE in the quarter (first assessments), by concern.
SELECT a.concern, count(*) AS n FROM assessment a JOIN ce_case c ON c.id = a.case_id
WHERE c.area = :area AND a.kind = 'new' AND a.assessed_on BETWEEN :from AND :to GROUP BY a.concern;

-- name: cohort
-- (2, 4) Children on MACCSE at any time in the quarter, with what the demographics need and
-- their latest risk level by the quarter's end.
SELECT c.id, c.ref, c.concern, c.opened_on, c.closed_on, e.ref AS child_ref,
       e.attrs ->> 'dob' AS dob, e.attrs ->> 'gender' AS gender, e.attrs ->> 'ethnicity' AS ethnicity,
       e.attrs ->> 'sen' AS sen,
       (SELECT a.risk FROM assessment a WHERE a.case_id = c.id AND a.assessed_on <= :to
        ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) AS risk
FROM ce_case c JOIN entity e ON e.id = c.child_id
WHERE c.area = :area AND c.opened_on <= :to AND (c.closed_on IS NULL OR c.closed_on >= :from)
ORDER BY c.id;

-- name: themes
-- (3) Emerging themes: the answers of the quarter's assessments.
SELECT a.framework, a.answers FROM assessment a JOIN ce_case c ON c.id = a.case_id
WHERE c.area = :area AND a.assessed_on BETWEEN :from AND :to;

-- name: closures
-- (5, 6, 7) Cases closed in the quarter, by reason, with the risk level at closure.
SELECT c.closure, c.closing_risk, count(*) AS n FROM ce_case c
WHERE c.area = :area AND c.status = 'closed' AND c.closed_on BETWEEN :from AND :to
GROUP BY c.closure, c.closing_risk ORDER BY c.closure, c.closing_risk;

-- name: repeats
-- (8) Re-referrals within the repeat window, received in the quarter, that came back into
-- MACCSE (a case opened from them); `elsewhere`: the others (screened out at the front door,
-- or not yet screened), which measure 8 does not count.
SELECT coalesce(sum(EXISTS (SELECT 1 FROM ce_case c WHERE c.referral_id = r.id)), 0) AS n,
       coalesce(sum(NOT EXISTS (SELECT 1 FROM ce_case c WHERE c.referral_id = r.id)), 0) AS elsewhere
FROM referral r WHERE r.area = :area AND r.repeat_of IS NOT NULL AND r.received_on BETWEEN :from AND :to;

-- name: nrm
-- (10) NRMs submitted in the quarter, and how many were decided in a multi-agency forum.
SELECT count(*) AS submitted, coalesce(sum(n.multi_agency_forum = 1), 0) AS multi_agency
FROM nrm n JOIN ce_case c ON c.id = n.case_id
WHERE c.area = :area AND n.submitted_on BETWEEN :from AND :to;

-- name: referrals_by_agency
-- By the agency's name, as the report and its chart are read (the code where none is known).
SELECT coalesce(a.name, r.agency) AS agency, count(*) AS n FROM referral r LEFT JOIN agency a ON a.code = r.agency
WHERE r.area = :area AND r.received_on BETWEEN :from AND :to
GROUP BY r.agency ORDER BY n DESC, agency;

-- name: referrals_by_month
-- Seasons: referrals by month over the twelve months to the quarter's end.
SELECT substr(r.received_on, 1, 7) AS month, count(*) AS n FROM referral r
WHERE r.area = :area AND r.received_on BETWEEN :year_from AND :to GROUP BY month ORDER BY month;

-- name: places
-- Places of concern: locations linked to children on MACCSE in the quarter, by how many
-- such children they are linked to.
SELECT l.ref, l.label, l.attrs ->> 'location_type' AS location_type, l.area, count(DISTINCT c.child_id) AS children
FROM ce_case c JOIN link k ON k.from_id = c.child_id JOIN entity l ON l.id = k.to_id AND l.kind = 'location'
WHERE c.area = :area AND c.opened_on <= :to AND (c.closed_on IS NULL OR c.closed_on >= :from)
  AND k.kind IN ('frequents', 'found_at', 'taken_to')
GROUP BY l.id ORDER BY children DESC, l.ref LIMIT 10;

-- name: missing
-- Missing episodes reported in the quarter by children of the area, with where they were found.
SELECT m.ref, e.ref AS child_ref, m.found_on, m.interview, l.area AS found_area, a.force AS found_force, h.force AS home_force
FROM missing_episode m JOIN entity e ON e.id = m.child_id LEFT JOIN entity l ON l.id = m.found_at
LEFT JOIN area a ON a.code = l.area LEFT JOIN area h ON h.code = m.area
WHERE m.area = :area AND m.reported_on BETWEEN :from AND :to ORDER BY m.reported_on, m.id;
