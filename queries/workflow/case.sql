-- MACCSE cases.

-- name: insert
INSERT INTO ce_case (ref, child_id, area, referral_id, concern, opened_on, review_on, created_at)
VALUES (:ref, :child, :area, :referral, :concern, :opened, :review, :now);

-- name: by_ref
SELECT c.*, e.ref AS child_ref, e.label AS child_label, e.attrs ->> 'dob' AS dob, e.attrs ->> 'risk' AS risk,
       r.ref AS referral_ref, r.received_on AS referral_received_on
FROM ce_case c JOIN entity e ON e.id = c.child_id LEFT JOIN referral r ON r.id = c.referral_id
WHERE c.ref = :ref;

-- name: open_for_child
SELECT id, ref FROM ce_case WHERE child_id = :child AND status = 'open';

-- name: strategy_meeting
UPDATE ce_case SET strategy_meeting_on = :on WHERE id = :id;

-- name: set_review
UPDATE ce_case SET review_on = :review WHERE id = :id;

-- name: transitions_plan
UPDATE ce_case SET transitions_plan_on = :on WHERE id = :id;

-- name: close
UPDATE ce_case SET status = 'closed', closed_on = :closed, closure = :closure, closing_risk = :risk, review_on = NULL
WHERE id = :id AND status = 'open';

-- name: open_in_area
SELECT c.id, c.ref, c.opened_on, c.review_on, c.strategy_meeting_on, c.transitions_plan_on, c.concern, c.area,
       e.id AS child_id, e.ref AS child_ref, e.label AS child_label, e.attrs ->> 'dob' AS dob,
       r.received_on AS referral_received_on,
       (SELECT count(*) FROM assessment a WHERE a.case_id = c.id) AS assessments
FROM ce_case c JOIN entity e ON e.id = c.child_id LEFT JOIN referral r ON r.id = c.referral_id
WHERE c.status = 'open' AND (:area IS NULL OR c.area = :area)
ORDER BY c.opened_on, c.id;

-- name: list
SELECT c.ref, c.status, c.area, c.concern, c.opened_on, c.review_on, c.closed_on, c.closure, e.ref AS child_ref
FROM ce_case c JOIN entity e ON e.id = c.child_id
WHERE (:area IS NULL OR c.area = :area) AND (:status IS NULL OR c.status = :status)
ORDER BY c.opened_on, c.id;

-- name: for_child
-- A child's cases, newest first: the child's page leads to them.
SELECT c.ref, c.status, c.area, c.concern, c.opened_on, c.review_on, c.closed_on, c.closure, e.ref AS child_ref
FROM ce_case c JOIN entity e ON e.id = c.child_id
WHERE c.child_id = :child
ORDER BY c.opened_on DESC, c.id DESC;

-- name: refs_of_children
-- The cases of these children (a JSON array of entity ids): a panel member's cases.
SELECT ref FROM ce_case WHERE child_id IN (SELECT value FROM json_each(:children));

-- name: main_list
-- A panel's main list (issue 18): every open case of the area with the child's current risk,
-- the review date, the panel's last decision, the child's flags in force and the NRM stage.
SELECT c.ref, c.area, c.concern, c.opened_on, c.review_on,
       e.ref AS child_ref, e.label AS child_label, e.attrs ->> 'risk' AS risk,
       (SELECT d.decision FROM panel_decision d JOIN panel_meeting p ON p.id = d.meeting_id
        WHERE d.case_id = c.id ORDER BY p.held_on DESC, d.id DESC LIMIT 1) AS last_decision,
       (SELECT p.held_on FROM panel_decision d JOIN panel_meeting p ON p.id = d.meeting_id
        WHERE d.case_id = c.id ORDER BY p.held_on DESC, d.id DESC LIMIT 1) AS last_decision_on,
       (SELECT p.ref FROM panel_decision d JOIN panel_meeting p ON p.id = d.meeting_id
        WHERE d.case_id = c.id ORDER BY p.held_on DESC, d.id DESC LIMIT 1) AS last_panel,
       (SELECT json_group_array(flag) FROM (SELECT DISTINCT f.flag FROM flag f
        WHERE f.entity_id = c.child_id AND (f.removed_on IS NULL OR f.expires_on >= :on) ORDER BY f.flag)) AS flags,
       (SELECT n.stage FROM nrm n WHERE n.case_id = c.id) AS nrm_stage
FROM ce_case c JOIN entity e ON e.id = c.child_id
WHERE c.status = 'open' AND (:area IS NULL OR c.area = :area)
ORDER BY c.area, c.review_on IS NULL, c.review_on, c.ref;

-- name: strategy_insert
INSERT INTO strategy_meeting (ref, case_id, kind, held_on, section47, attendees, decisions, no_conference_reason, flags_set,
                              note, recorded_by, created_at)
VALUES (:ref, :case, :kind, :held, :section47, :attendees, :decisions, :reason, :flags, :note, :by, :now);

-- name: strategy_meetings
SELECT ref, kind, held_on, section47, attendees, decisions, no_conference_reason, flags_set, note, recorded_by
FROM strategy_meeting WHERE case_id = :case ORDER BY held_on, id;

-- name: initial_strategy_due
-- Open cases whose latest Section 47 strategy meeting has no initial CSE strategy meeting
-- on or after it: seed 002 wants one within 15 working days.
SELECT c.ref, c.area, e.ref AS child_ref, s.held_on
FROM ce_case c JOIN entity e ON e.id = c.child_id
JOIN strategy_meeting s ON s.case_id = c.id AND s.section47 = 1
WHERE c.status = 'open' AND (:area IS NULL OR c.area = :area)
  AND s.held_on = (SELECT max(x.held_on) FROM strategy_meeting x WHERE x.case_id = c.id AND x.section47 = 1)
  AND NOT EXISTS (SELECT 1 FROM strategy_meeting i WHERE i.case_id = c.id AND i.kind = 'initial_cse' AND i.held_on >= s.held_on)
GROUP BY c.id;

-- name: handover
-- A child who turned 18 handed over to adult services: the case closes on the day.
UPDATE ce_case SET status = 'closed', closed_on = :on, closure = 'reached_18', closing_risk = :risk, review_on = NULL,
       handover_to = :to, handover_on = :on
WHERE id = :id AND status = 'open';

-- name: for_child
-- A child's cases, oldest first: the timeline reads each one the viewer may see.
SELECT c.*, e.ref AS child_ref, e.label AS child_label, e.attrs ->> 'dob' AS dob, e.attrs ->> 'risk' AS risk,
       r.ref AS referral_ref, r.received_on AS referral_received_on
FROM ce_case c JOIN entity e ON e.id = c.child_id LEFT JOIN referral r ON r.id = c.referral_id
WHERE c.child_id = :child ORDER BY c.opened_on, c.id;
