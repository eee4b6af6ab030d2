-- Actions from MACCSE panels and MARTHR meetings.

-- name: insert
INSERT INTO workflow_action (ref, panel_meeting_id, marthr_meeting_id, case_id, subject_id, category, text,
                             owner_agency, due_on, created_at)
VALUES (:ref, :panel, :marthr, :case, :subject, :category, :text, :owner, :due, :now);

-- name: by_ref
SELECT * FROM workflow_action WHERE ref = :ref;

-- name: scope
-- What decides who may update an action: its forum's area, its case's child, its
-- subject, and the agency that owns it.
SELECT a.id, a.owner_agency, a.marthr_meeting_id IS NOT NULL AS is_marthr, p.area,
       e.ref AS child_ref, s.ref AS subject_ref, s.kind AS subject_kind
FROM workflow_action a LEFT JOIN panel_meeting p ON p.id = a.panel_meeting_id
LEFT JOIN ce_case c ON c.id = a.case_id LEFT JOIN entity e ON e.id = c.child_id
LEFT JOIN entity s ON s.id = a.subject_id
WHERE a.ref = :ref;

-- name: update
UPDATE workflow_action SET status = :status, closed_on = :closed, update_note = coalesce(:note, update_note)
WHERE id = :id;

-- name: carried
-- Open actions from earlier meetings of the same forum and area, carried to this one.
SELECT a.ref, a.text, a.owner_agency, a.due_on, a.status, a.category, m.ref AS from_meeting, m.held_on AS from_held_on,
       c.ref AS case_ref, s.ref AS subject_ref, a.due_on < :held AS overdue
FROM workflow_action a JOIN panel_meeting m ON m.id = a.panel_meeting_id LEFT JOIN ce_case c ON c.id = a.case_id
LEFT JOIN entity s ON s.id = a.subject_id
WHERE m.area = :area AND m.held_on < :held AND a.status = 'open'
ORDER BY a.due_on, a.id;

-- name: carried_marthr
-- Actions raised at earlier MARTHR meetings of the same force that were still open on this
-- meeting's day: open now, or closed on or after it (at this meeting, or later).
SELECT a.ref, a.text, a.owner_agency, a.due_on, a.status, a.closed_on, a.update_note, a.category, m.ref AS from_meeting,
       m.held_on AS from_held_on, e.ref AS subject_ref, a.due_on < :held AS overdue
FROM workflow_action a JOIN marthr_meeting m ON m.id = a.marthr_meeting_id LEFT JOIN entity e ON e.id = a.subject_id
WHERE m.held_on < :held AND m.force IS :force AND (a.status = 'open' OR a.closed_on >= :held)
ORDER BY a.due_on, a.id;

-- name: for_meeting
SELECT a.ref, a.text, a.owner_agency, a.due_on, a.status, a.closed_on, a.update_note, a.category, c.ref AS case_ref,
       e.ref AS subject_ref
FROM workflow_action a LEFT JOIN ce_case c ON c.id = a.case_id LEFT JOIN entity e ON e.id = a.subject_id
WHERE (a.panel_meeting_id = :panel OR a.marthr_meeting_id = :marthr) ORDER BY a.id;

-- name: for_case
SELECT a.ref, a.text, a.owner_agency, a.due_on, a.status, a.closed_on FROM workflow_action a
WHERE a.case_id = :case ORDER BY a.due_on, a.id;

-- name: open
SELECT a.ref, a.text, a.owner_agency, a.due_on, a.category, c.ref AS case_ref, c.area AS case_area,
       pm.area AS panel_area, pm.ref AS panel_ref, mm.ref AS marthr_ref, e.ref AS subject_ref
FROM workflow_action a
LEFT JOIN ce_case c ON c.id = a.case_id LEFT JOIN panel_meeting pm ON pm.id = a.panel_meeting_id
LEFT JOIN marthr_meeting mm ON mm.id = a.marthr_meeting_id LEFT JOIN entity e ON e.id = a.subject_id
WHERE a.status = 'open' ORDER BY a.due_on, a.id;
