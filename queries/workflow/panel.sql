-- MACCSE panel meetings, agendas, attendance and decisions.

-- name: insert
INSERT INTO panel_meeting (ref, area, held_on, starts_at, co_chairs, agenda_due_on, created_at)
VALUES (:ref, :area, :held, :starts, :co_chairs, :agenda_due, :now);

-- name: by_ref
SELECT * FROM panel_meeting WHERE ref = :ref;

-- name: previous_held
-- The area's last meeting before this one, for what is new since and actions carried.
SELECT id, ref, held_on FROM panel_meeting
WHERE area = :area AND held_on < :held AND status <> 'cancelled' ORDER BY held_on DESC LIMIT 1;

-- name: reviews_due
-- Open cases whose review falls on or before the meeting.
SELECT c.id, c.ref, c.review_on, e.ref AS child_ref FROM ce_case c JOIN entity e ON e.id = c.child_id
WHERE c.area = :area AND c.status = 'open' AND c.review_on <= :held ORDER BY c.review_on, c.id;

-- name: new_assessments
-- Open cases with an assessment since the last meeting (or ever, for the first) that no
-- panel has yet decided on.
SELECT DISTINCT c.id, c.ref, a.ref AS assessment_ref, a.kind, a.risk FROM assessment a JOIN ce_case c ON c.id = a.case_id
WHERE c.area = :area AND c.status = 'open' AND a.assessed_on <= :held
  AND NOT EXISTS (SELECT 1 FROM panel_decision d JOIN panel_meeting m ON m.id = d.meeting_id
                  WHERE d.case_id = c.id AND m.held_on >= a.assessed_on)
ORDER BY a.assessed_on, c.id;

-- name: nrm_oversight
-- Open cases whose NRM needs the panel's oversight: not yet referred, or awaiting a decision.
SELECT c.id, c.ref, n.stage FROM nrm n JOIN ce_case c ON c.id = n.case_id
WHERE c.area = :area AND c.status = 'open' AND n.stage IN ('needs_referral', 'referred', 'positive_reasonable_grounds')
ORDER BY c.id;

-- name: marthr_feedback_pending
SELECT f.id, c.id AS case_id, c.ref FROM marthr_feedback f JOIN ce_case c ON c.id = f.case_id
WHERE c.area = :area AND c.status = 'open' AND (f.panel_meeting_id IS NULL OR f.panel_meeting_id = :meeting)
ORDER BY f.id;

-- name: deliver_feedback
UPDATE marthr_feedback SET panel_meeting_id = :meeting WHERE id = :id AND panel_meeting_id IS NULL;

-- name: clear_agenda
DELETE FROM agenda_item WHERE meeting_id = :meeting;

-- name: add_item
INSERT INTO agenda_item (meeting_id, case_id, item, reason, slot, minutes, position)
VALUES (:meeting, :case, :item, :reason, :slot, :minutes, :position);

-- name: agenda
-- A new assessment's item names the assessment in its reason ("new assessment ASMT-…: …");
-- `assessment_ref` is that assessment of the item's case, for a link to it.
SELECT a.position, a.slot, a.minutes, a.item, a.reason, c.ref AS case_ref, e.ref AS child_ref, e.label AS child_label,
       c.review_on, e.attrs ->> 'risk' AS risk,
       CASE WHEN a.item = 'new_assessment' THEN
           (SELECT s.ref FROM assessment s WHERE s.case_id = a.case_id AND instr(a.reason, ' ' || s.ref || ':') > 0)
       END AS assessment_ref
FROM agenda_item a JOIN ce_case c ON c.id = a.case_id JOIN entity e ON e.id = c.child_id
WHERE a.meeting_id = :meeting ORDER BY a.position;

-- name: on_agenda
SELECT 1 FROM agenda_item WHERE meeting_id = :meeting AND case_id = :case LIMIT 1;

-- name: send_agenda
UPDATE panel_meeting SET agenda_sent_on = :sent WHERE id = :id;

-- name: attend
INSERT INTO panel_attendee (meeting_id, name, agency, signed_confidentiality)
VALUES (:meeting, :name, :agency, :signed)
ON CONFLICT (meeting_id, name) DO UPDATE SET agency = excluded.agency, signed_confidentiality = excluded.signed_confidentiality;

-- name: attendees
SELECT name, agency, signed_confidentiality FROM panel_attendee WHERE meeting_id = :meeting ORDER BY agency, name;

-- name: set_status
UPDATE panel_meeting SET status = :status WHERE id = :id AND status = 'scheduled';

-- name: minutes
-- `inquorate`: 1 for notes of what was said at a panel that could transact no business.
UPDATE panel_meeting SET minutes = :minutes, minutes_inquorate = :inquorate, status = 'held' WHERE id = :id;

-- name: case_minutes
-- The minutes of one child's discussion at a panel, kept on the child's case.
INSERT INTO panel_case_minutes (meeting_id, case_id, text, recorded_on, recorded_by)
VALUES (:meeting, :case, :text, :on, :by)
ON CONFLICT (meeting_id, case_id) DO UPDATE SET text = excluded.text, recorded_on = excluded.recorded_on,
    recorded_by = excluded.recorded_by;

-- name: case_minutes_of_panel
SELECT p.ref AS panel_ref, p.held_on, c.ref AS case_ref, m.text, m.recorded_on, m.recorded_by
FROM panel_case_minutes m JOIN ce_case c ON c.id = m.case_id JOIN panel_meeting p ON p.id = m.meeting_id
WHERE m.meeting_id = :meeting ORDER BY c.ref;

-- name: case_minutes_of_case
SELECT p.ref AS panel_ref, p.held_on, c.ref AS case_ref, m.text, m.recorded_on, m.recorded_by
FROM panel_case_minutes m JOIN ce_case c ON c.id = m.case_id JOIN panel_meeting p ON p.id = m.meeting_id
WHERE m.case_id = :case ORDER BY p.held_on, p.ref;

-- name: approve_minutes
-- The chair's approval of the minutes as recorded.
UPDATE panel_meeting SET minutes_approved_on = :on, minutes_approved_by = :by WHERE id = :id;

-- name: decide
INSERT INTO panel_decision (meeting_id, case_id, decision, review_on, reason, police_flag_until, risk, note, created_at)
VALUES (:meeting, :case, :decision, :review, :reason, :police_until, :risk, :note, :now);

-- name: decisions
SELECT d.id, d.decision, d.review_on, d.reason, d.police_flag_until, d.risk, d.note, c.ref AS case_ref
FROM panel_decision d JOIN ce_case c ON c.id = d.case_id WHERE d.meeting_id = :meeting ORDER BY d.id;

-- name: decisions_for_case
SELECT d.decision, d.review_on, d.reason, d.police_flag_until, d.risk, d.note, m.ref AS meeting_ref, m.held_on
FROM panel_decision d JOIN panel_meeting m ON m.id = d.meeting_id WHERE d.case_id = :case ORDER BY m.held_on, d.id;

-- name: list
SELECT ref, area, held_on, starts_at, agenda_due_on, agenda_sent_on, status FROM panel_meeting
WHERE (:area IS NULL OR area = :area) ORDER BY held_on, id;

-- name: agenda_unsent
SELECT ref, area, held_on, agenda_due_on FROM panel_meeting
WHERE status = 'scheduled' AND agenda_sent_on IS NULL AND held_on >= :on AND (:area IS NULL OR area = :area)
ORDER BY agenda_due_on;

-- name: minutes_unapproved
-- Panels held (or past their day, not cancelled) whose minutes are not yet recorded and
-- approved by the chair: due a number of working days after the panel.
SELECT ref, area, held_on, minutes IS NOT NULL AS recorded FROM panel_meeting
WHERE status != 'cancelled' AND held_on <= :on AND minutes_approved_on IS NULL AND (:area IS NULL OR area = :area)
ORDER BY held_on;

-- name: open_alerts
-- Open alerts that name a child with an open case in the area: review tasks for the panel.
SELECT DISTINCT c.id, c.ref, a.id AS alert_id, a.kind FROM alert a, json_each(a.entity_ids) j
JOIN entity e ON e.ref = j.value JOIN ce_case c ON c.child_id = e.id
WHERE a.status = 'open' AND c.area = :area AND c.status = 'open' ORDER BY a.id;

-- name: cancel
UPDATE panel_meeting SET status = 'cancelled', cancelled_reason = :reason, cancelled_on = :on
WHERE id = :id AND status = 'scheduled';

-- name: request
INSERT INTO agenda_request (area, case_id, kind, reason, from_meeting_id, requested_on, requested_by)
VALUES (:area, :case, :kind, :reason, :from, :on, :by);

-- name: pending_requests
-- Cases added between panels or deferred, waiting for the authority's next agenda (or
-- already taken by this one, when its agenda is built again, or by a panel since cancelled),
-- oldest first, with how often each case has been deferred.
SELECT q.id, q.case_id, q.kind, q.reason, q.requested_on, p.ref AS from_ref,
       (SELECT count(*) FROM agenda_request d WHERE d.case_id = q.case_id AND d.kind = 'deferred') AS times_deferred
FROM agenda_request q JOIN ce_case c ON c.id = q.case_id LEFT JOIN panel_meeting p ON p.id = q.from_meeting_id
WHERE q.area = :area AND c.status = 'open' AND (q.from_meeting_id IS NULL OR q.from_meeting_id <> :meeting)
  AND (q.taken_by IS NULL OR q.taken_by = :meeting
       OR q.taken_by IN (SELECT id FROM panel_meeting WHERE status = 'cancelled'))
ORDER BY q.kind = 'deferred', q.id;

-- name: take_request
UPDATE agenda_request SET taken_by = :meeting WHERE id = :id;

-- name: decided_cases
-- The area's cases a panel has decided on at least once.
SELECT DISTINCT d.case_id FROM panel_decision d JOIN ce_case c ON c.id = d.case_id WHERE c.area = :area;

-- name: case_risks
-- The current risk of each open case of the area's children: what decides whether the
-- framework's panel discusses it.
SELECT c.id, c.ref, e.ref AS child_ref, e.label AS child_label, e.attrs ->> 'risk' AS risk
FROM ce_case c JOIN entity e ON e.id = c.child_id
WHERE c.status = 'open' AND c.area = :area ORDER BY c.ref;

-- name: refer_perpetrator
INSERT INTO perpetrator_referral (meeting_id, subject_id, reason, referred_on, referred_by)
VALUES (:meeting, :subject, :reason, :on, :by)
ON CONFLICT (meeting_id, subject_id) DO UPDATE SET reason = excluded.reason, referred_on = excluded.referred_on,
    referred_by = excluded.referred_by;

-- name: perpetrator_referrals
SELECT e.ref AS subject_ref, e.kind AS subject_kind, e.label AS subject_label, r.reason, r.referred_on, r.referred_by,
       e.area AS subject_area, a.force AS subject_force
FROM perpetrator_referral r JOIN entity e ON e.id = r.subject_id LEFT JOIN area a ON a.code = e.area
WHERE r.meeting_id = :meeting ORDER BY r.referred_on, e.ref;
