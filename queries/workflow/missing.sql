-- Missing episodes (issue 19).

-- name: insert
INSERT INTO missing_episode (ref, child_id, area, reported_on, missing_from, note, recorded_by, created_at)
VALUES (:ref, :child, :area, :reported, :from, :note, :by, :now);

-- name: by_ref
SELECT m.*, e.ref AS child_ref, e.label AS child_label, l.ref AS found_at_ref, l.label AS found_at_label, l.area AS found_at_area, la.name AS found_at_area_name
FROM missing_episode m JOIN entity e ON e.id = m.child_id LEFT JOIN entity l ON l.id = m.found_at LEFT JOIN area la ON la.code = l.area
WHERE m.ref = :ref;

-- name: open_for_child
-- The child's episode not yet closed by being found, if any.
SELECT ref FROM missing_episode WHERE child_id = :child AND found_on IS NULL ORDER BY reported_on DESC, id DESC LIMIT 1;

-- name: open_case_for_child
SELECT id, ref, area FROM ce_case WHERE child_id = :child AND status = 'open' ORDER BY id DESC LIMIT 1;

-- name: found
-- What is given replaces what was recorded; a place or company not given keeps the one recorded.
UPDATE missing_episode SET found_on = :found, found_at = coalesce(:at, found_at), found_with = coalesce(:with, found_with)
WHERE id = :id;

-- name: note
UPDATE missing_episode SET note = :note WHERE id = :id;

-- name: pending_request
-- An agenda request for the case not yet taken by a panel (a repeat missing child is added once).
SELECT id FROM agenda_request WHERE case_id = :case AND kind = 'added' AND taken_by IS NULL LIMIT 1;

-- name: interview
UPDATE missing_episode SET interview = :interview, interview_on = :on, interview_by = :by WHERE id = :id;

-- name: for_child
SELECT m.ref, m.reported_on, m.missing_from, m.found_on, m.found_with, m.interview, m.interview_on, m.interview_by, m.note,
       l.ref AS found_at_ref, l.label AS found_at_label, l.area AS found_at_area, la.name AS found_at_area_name, e.ref AS child_ref, e.label AS child_label, m.area
FROM missing_episode m JOIN entity e ON e.id = m.child_id LEFT JOIN entity l ON l.id = m.found_at LEFT JOIN area la ON la.code = l.area
WHERE m.child_id = :child ORDER BY m.reported_on, m.id;

-- name: count_since
-- How many times the child was reported missing from :since to :until.
SELECT count(*) AS n FROM missing_episode WHERE child_id = :child AND reported_on BETWEEN :since AND :until;

-- name: reported_since
-- Children reported missing on or after :since (the daily list), with the area to scope it.
SELECT m.ref, m.reported_on, m.missing_from, m.found_on, m.found_with, m.interview, m.interview_on, m.interview_by, m.note,
       l.ref AS found_at_ref, l.label AS found_at_label, l.area AS found_at_area, la.name AS found_at_area_name, e.ref AS child_ref, e.label AS child_label, m.area
FROM missing_episode m JOIN entity e ON e.id = m.child_id LEFT JOIN entity l ON l.id = m.found_at LEFT JOIN area la ON la.code = l.area
WHERE m.reported_on >= :since AND (:area IS NULL OR m.area = :area) ORDER BY m.reported_on, m.id;

-- name: interviews_due
-- Children found whose return home interview is neither done nor declined.
SELECT m.ref, m.found_on, m.area, e.ref AS child_ref
FROM missing_episode m JOIN entity e ON e.id = m.child_id
WHERE m.found_on IS NOT NULL AND (m.interview IS NULL OR m.interview = 'offered') AND (:area IS NULL OR m.area = :area);

-- name: summary_for_child
-- The child's episodes for the assessment form: newest first, with the found-at place's area.
SELECT m.ref, m.reported_on, m.missing_from, m.found_on, m.interview, l.ref AS found_at_ref, l.label AS found_at_label,
       l.area AS found_at_area, a.name AS found_at_area_name
FROM missing_episode m LEFT JOIN entity l ON l.id = m.found_at LEFT JOIN area a ON a.code = l.area
WHERE m.child_id = :child ORDER BY m.reported_on DESC, m.id DESC;
