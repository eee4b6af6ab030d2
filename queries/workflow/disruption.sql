-- The disruption register: notices, orders and licensing action, through their life
-- (drafted, approved, served, breached, renewed or ended), with their breaches and history.

-- name: insert
INSERT INTO disruption (ref, subject_id, child_id, tool, status, drafted_on, drafted_by, served_on, expires_on, outcome,
                        renews_id, marthr_meeting_id, note, created_at)
VALUES (:ref, :subject, :child, :tool, :status, :drafted_on, :drafted_by, :served, :expires, :outcome, :renews, :meeting,
        :note, :now);

-- name: outcome
UPDATE disruption SET outcome = :outcome WHERE id = :id;

-- name: approve
UPDATE disruption SET status = 'approved', approved_on = :on, approved_by = :by, approver_role = :role
WHERE id = :id AND status = 'drafted';

-- name: serve
UPDATE disruption SET status = 'served', served_on = :on, expires_on = coalesce(:expires, expires_on)
WHERE id = :id AND status = 'approved';

-- name: extend
UPDATE disruption SET expires_on = :expires WHERE id = :id AND status = 'served';

-- name: end
-- `status`: ended (a notice not yet served may be withdrawn so), or renewed when the notice
-- that renews it is served.
UPDATE disruption SET status = :status, ended_on = :on, outcome = coalesce(:outcome, outcome)
WHERE id = :id AND status IN ('drafted', 'approved', 'served');

-- name: breach
INSERT INTO disruption_breach (disruption_id, breached_on, intel_id, record_ref, note, recorded_by, created_at)
VALUES (:disruption, :on, :intel, :record, :note, :by, :now);

-- name: event
INSERT INTO disruption_event (disruption_id, event, happened_on, recorded_by, detail, created_at)
VALUES (:disruption, :event, :on, :by, :detail, :now);

-- name: intel
-- An intelligence report by any id it was submitted under, with its handling code.
SELECT i.id, i.ref, i.handling_code FROM ref r JOIN intel i ON i.id = r.intel_id WHERE r.ref = :ref;

-- name: register
-- The register (of one subject or child, or all), newest first, with what the viewer's
-- rules need: the subject's and child's kinds and areas, the breaches' count and last day.
SELECT d.id, d.ref, d.tool, d.status, s.ref AS subject_ref, s.kind AS subject_kind, s.label AS subject_label, s.area AS subject_area,
       c.ref AS child_ref, c.label AS child_label, c.area AS child_area, d.drafted_on, d.drafted_by, d.approved_on, d.approved_by,
       d.approver_role, d.served_on, d.expires_on, d.ended_on, d.outcome, m.ref AS meeting_ref, d.note, r.ref AS renews_ref,
       n.ref AS renewed_by_ref, (SELECT count(*) FROM disruption_breach b WHERE b.disruption_id = d.id) AS breaches,
       (SELECT max(b.breached_on) FROM disruption_breach b WHERE b.disruption_id = d.id) AS last_breached_on
FROM disruption d JOIN entity s ON s.id = d.subject_id LEFT JOIN entity c ON c.id = d.child_id
LEFT JOIN marthr_meeting m ON m.id = d.marthr_meeting_id LEFT JOIN disruption r ON r.id = d.renews_id
LEFT JOIN disruption n ON n.renews_id = d.id
WHERE (:subject IS NULL OR d.subject_id = :subject) AND (:child IS NULL OR d.child_id = :child)
  AND (:ref IS NULL OR d.ref = :ref)
ORDER BY coalesce(d.served_on, d.drafted_on, d.created_at) DESC, d.id DESC;

-- name: breaches
SELECT b.breached_on, i.ref AS intel_ref, i.handling_code, b.record_ref, b.note, b.recorded_by
FROM disruption_breach b LEFT JOIN intel i ON i.id = b.intel_id
WHERE b.disruption_id = (SELECT id FROM disruption WHERE ref = :ref) ORDER BY b.breached_on, b.id;

-- name: history
SELECT e.event, e.happened_on, e.recorded_by, e.detail FROM disruption_event e
WHERE e.disruption_id = (SELECT id FROM disruption WHERE ref = :ref) ORDER BY e.id;

-- name: cawns
-- Child Abduction Warning Notices in force on the day asked: the subject, the child named,
-- when served.
SELECT d.subject_id, d.child_id, d.served_on, s.ref AS subject_ref FROM disruption d JOIN entity s ON s.id = d.subject_id
WHERE d.tool = 'cawn' AND d.status = 'served' AND d.served_on <= :on AND (d.expires_on IS NULL OR d.expires_on >= :on);

-- name: expiring
-- Notices served with an expiry, for the reminders: the timescales decide which are due.
SELECT d.ref, d.tool, d.expires_on, s.ref AS subject_ref, s.kind AS subject_kind, s.area AS subject_area,
       c.ref AS child_ref, c.area AS child_area
FROM disruption d JOIN entity s ON s.id = d.subject_id LEFT JOIN entity c ON c.id = d.child_id
WHERE d.status = 'served' AND d.expires_on IS NOT NULL
ORDER BY d.expires_on, d.id;
