-- MARTHR meetings, nominations, the disruption register and feedback to MACCSE.

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

-- name: disrupt
INSERT INTO disruption (ref, subject_id, child_id, tool, served_on, expires_on, outcome, marthr_meeting_id, note, created_at)
VALUES (:ref, :subject, :child, :tool, :served, :expires, :outcome, :meeting, :note, :now);

-- name: disruption_by_ref
SELECT * FROM disruption WHERE ref = :ref;

-- name: disruption_outcome
UPDATE disruption SET outcome = :outcome WHERE id = :id;

-- name: register
-- The disruption register, with whether each notice or order is in force on the day asked.
SELECT d.ref, d.tool, s.ref AS subject_ref, s.kind AS subject_kind, c.ref AS child_ref, d.served_on, d.expires_on,
       d.outcome, m.ref AS meeting_ref, (d.expires_on IS NULL OR d.expires_on >= :on) AS in_force
FROM disruption d JOIN entity s ON s.id = d.subject_id LEFT JOIN entity c ON c.id = d.child_id
LEFT JOIN marthr_meeting m ON m.id = d.marthr_meeting_id
WHERE (:subject IS NULL OR d.subject_id = :subject)
ORDER BY d.served_on, d.id;

-- name: cawns
-- Child Abduction Warning Notices in force on the day asked: the subject, the child named,
-- when served.
SELECT d.subject_id, d.child_id, d.served_on, s.ref AS subject_ref FROM disruption d JOIN entity s ON s.id = d.subject_id
WHERE d.tool = 'cawn' AND d.served_on <= :on AND (d.expires_on IS NULL OR d.expires_on >= :on);

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
