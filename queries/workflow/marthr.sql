-- MARTHR meetings: attendance, nominations, minutes and feedback to MACCSE. The disruption
-- register is in disruption.sql.

-- name: insert
INSERT INTO marthr_meeting (ref, held_on, chair, force, created_at) VALUES (:ref, :held, :chair, :force, :now);

-- name: by_ref
SELECT * FROM marthr_meeting WHERE ref = :ref;

-- name: nominate
INSERT INTO marthr_nomination (meeting_id, subject_id, source, case_id, criteria, evidence, score, nominated_by, created_at,
                               claimed, confirmed)
VALUES (:meeting, :subject, :source, :case, :criteria, :evidence, :score, :by, :now, :claimed, :confirmed);

-- name: nomination
SELECT n.id, n.status, n.claimed, n.confirmed FROM marthr_nomination n WHERE n.meeting_id = :meeting AND n.subject_id = :subject;

-- name: decide
UPDATE marthr_nomination SET status = :status, decision_reason = :reason, override_reason = :override, decided_on = :on
WHERE id = :id;

-- name: nominations
SELECT e.ref AS subject_ref, e.kind, e.label, n.source, c.ref AS case_ref, n.criteria, n.evidence, n.score,
       n.nominated_by, n.status, n.decision_reason, n.claimed, n.confirmed, n.override_reason
FROM marthr_nomination n JOIN entity e ON e.id = n.subject_id LEFT JOIN ce_case c ON c.id = n.case_id
WHERE n.meeting_id = :meeting ORDER BY n.score DESC NULLS LAST, n.id;

-- name: feedback
INSERT INTO marthr_feedback (marthr_meeting_id, case_id, text, created_at) VALUES (:meeting, :case, :text, :now);

-- name: feedback_for_case
SELECT m.ref AS marthr_ref, m.held_on, f.text, p.ref AS discussed_at FROM marthr_feedback f
JOIN marthr_meeting m ON m.id = f.marthr_meeting_id LEFT JOIN panel_meeting p ON p.id = f.panel_meeting_id
WHERE f.case_id = :case ORDER BY f.id;

-- name: list
SELECT ref, held_on, chair, force, status FROM marthr_meeting ORDER BY held_on, id;

-- name: set_status
UPDATE marthr_meeting SET status = :status WHERE id = :id AND status = 'scheduled';

-- name: attend
INSERT INTO marthr_attendee (meeting_id, name, agency, signed_confidentiality)
VALUES (:meeting, :name, :agency, :signed)
ON CONFLICT (meeting_id, name) DO UPDATE SET agency = excluded.agency, signed_confidentiality = excluded.signed_confidentiality;

-- name: attendees
SELECT name, agency, signed_confidentiality FROM marthr_attendee WHERE meeting_id = :meeting ORDER BY agency, name;

-- name: minutes
UPDATE marthr_meeting SET minutes = :minutes, minutes_recorded_by = :by, status = 'held'
WHERE id = :id AND status <> 'cancelled';

-- name: subject_minutes
-- The notes of one subject's discussion; recording again replaces them.
INSERT INTO marthr_subject_minutes (meeting_id, subject_id, text, recorded_on, recorded_by)
VALUES (:meeting, :subject, :text, :on, :by)
ON CONFLICT (meeting_id, subject_id) DO UPDATE SET text = excluded.text, recorded_on = excluded.recorded_on,
    recorded_by = excluded.recorded_by;

-- name: subject_minutes_for_meeting
SELECT e.ref AS subject_ref, e.kind AS subject_kind, e.label AS subject_label, e.area AS subject_area, m.text,
       m.recorded_on, m.recorded_by
FROM marthr_subject_minutes m JOIN entity e ON e.id = m.subject_id
WHERE m.meeting_id = :meeting ORDER BY e.ref;

-- name: approve_minutes
UPDATE marthr_meeting SET minutes_approved_on = :on, minutes_approved_by = :by WHERE id = :id;

-- name: feedback_from_meeting
-- The feedback a meeting sent to MACCSE, and the panel that discussed it once one has.
SELECT c.ref AS case_ref, c.area, ch.ref AS child_ref, f.text, p.ref AS discussed_at
FROM marthr_feedback f JOIN ce_case c ON c.id = f.case_id JOIN entity ch ON ch.id = c.child_id
LEFT JOIN panel_meeting p ON p.id = f.panel_meeting_id
WHERE f.marthr_meeting_id = :meeting ORDER BY f.id;

-- name: nominations_of_subject
-- Every MARTHR meeting a subject was nominated to, oldest first, for the subject's timeline.
SELECT m.ref AS meeting_ref, m.held_on, n.source, n.status, n.decision_reason, n.decided_on, n.score
FROM marthr_nomination n JOIN marthr_meeting m ON m.id = n.meeting_id
WHERE n.subject_id = :subject ORDER BY m.held_on, n.id;
