-- Referrals to a front door (MASH), and repeat-referral detection.

-- name: insert
INSERT INTO referral (ref, child_id, area, received_on, referrer, agency, concern, outcome, screened_on,
                      immediate_risk, repeat_of, note, created_at)
VALUES (:ref, :child, :area, :received, :referrer, :agency, :concern, :outcome, :screened, :immediate,
        :repeat_of, :note, :now);

-- name: screen
UPDATE referral SET outcome = :outcome, screened_on = :screened WHERE id = :id;

-- name: by_ref
SELECT r.*, e.ref AS child_ref, e.label AS child_label, c.ref AS repeat_of_ref
FROM referral r JOIN entity e ON e.id = r.child_id LEFT JOIN ce_case c ON c.id = r.repeat_of
WHERE r.ref = :ref;

-- name: last_closed_case
-- The child's most recent MACCSE case closed on or before the referral date: a new
-- concern within the repeat window of it is a repeat referral.
SELECT id, ref, closed_on FROM ce_case
WHERE child_id = :child AND status = 'closed' AND closed_on <= :received
ORDER BY closed_on DESC LIMIT 1;

-- name: for_child
SELECT r.ref, r.received_on, r.agency, r.concern, r.outcome, r.repeat_of IS NOT NULL AS is_repeat
FROM referral r WHERE r.child_id = :child ORDER BY r.received_on, r.id;

-- name: list
SELECT r.ref, r.received_on, r.area, r.agency, r.concern, r.outcome, r.screened_on, r.immediate_risk,
       r.repeat_of IS NOT NULL AS is_repeat, e.ref AS child_ref,
       (SELECT c.ref FROM ce_case c WHERE c.referral_id = r.id) AS case_ref
FROM referral r JOIN entity e ON e.id = r.child_id
WHERE (:area IS NULL OR r.area = :area) AND r.received_on BETWEEN :from AND :to
ORDER BY r.received_on, r.id;

-- name: unscreened
SELECT r.ref, r.received_on, r.area, r.agency, r.immediate_risk, e.ref AS child_ref
FROM referral r JOIN entity e ON e.id = r.child_id
WHERE r.outcome IS NULL AND (:area IS NULL OR r.area = :area) ORDER BY r.immediate_risk DESC, r.received_on;

-- name: areas_for_child
-- The front door of each of the child's referrals, to show a reader only those they cover.
SELECT ref, area FROM referral WHERE child_id = :child;
