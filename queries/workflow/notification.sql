-- The notification log (issue 19): duties to tell another authority or force.

-- name: open_by_duty
SELECT id, ref, reason, records FROM notification WHERE duty = :duty AND done_on IS NULL;

-- name: insert
INSERT INTO notification (ref, area, to_area, contact, source, duty, child_id, case_id, placement_id, missing_id, reason, records,
                          raised_on, due_on, raised_by, created_at)
VALUES (:ref, :area, :to, :contact, :source, :duty, :child, :case, :placement, :missing, :reason, :records, :raised, :due, :by, :now);

-- name: extend
-- More reasons and records on an open task for the same duty.
UPDATE notification SET reason = :reason, records = :records WHERE id = :id;

-- name: tell_link
INSERT OR IGNORE INTO notification_link (notification_id, link_id, to_area) VALUES (:notification, :link, :to);

-- name: told_links
-- Every link already told (or being told) to an area.
SELECT link_id, to_area FROM notification_link;

-- name: done
UPDATE notification SET done_on = :on, done_how = :how, done_by = :by, disclosed = :disclosed, done_note = :note WHERE id = :id;

-- name: by_ref
SELECT n.*, e.ref AS child_ref, e.label AS child_label, e.area AS child_area, c.ref AS case_ref, p.ref AS placement_ref, m.ref AS missing_ref,
       t.name AS to_area_name, t.area_type AS to_area_type
FROM notification n LEFT JOIN entity e ON e.id = n.child_id LEFT JOIN ce_case c ON c.id = n.case_id
LEFT JOIN placement p ON p.id = n.placement_id LEFT JOIN missing_episode m ON m.id = n.missing_id JOIN area t ON t.code = n.to_area
WHERE n.ref = :ref;

-- name: list
-- Tasks owned by :area (or every area), open, done or all; a child's when :child is given.
SELECT n.*, e.ref AS child_ref, e.label AS child_label, e.area AS child_area, c.ref AS case_ref, p.ref AS placement_ref, m.ref AS missing_ref,
       t.name AS to_area_name, t.area_type AS to_area_type
FROM notification n LEFT JOIN entity e ON e.id = n.child_id LEFT JOIN ce_case c ON c.id = n.case_id
LEFT JOIN placement p ON p.id = n.placement_id LEFT JOIN missing_episode m ON m.id = n.missing_id JOIN area t ON t.code = n.to_area
WHERE (:area IS NULL OR n.area = :area)
  AND (:status = 'all' OR (:status = 'open' AND n.done_on IS NULL) OR (:status = 'done' AND n.done_on IS NOT NULL))
  AND (:child IS NULL OR n.child_id = :child)
ORDER BY n.done_on IS NOT NULL, n.due_on, n.id;

-- name: open_cases
-- Open cases and their children, for the notification pass.
SELECT c.id, c.ref, c.area, c.child_id, e.ref AS child_ref FROM ce_case c JOIN entity e ON e.id = c.child_id
WHERE c.status = 'open' AND (:child IS NULL OR c.child_id = :child) ORDER BY c.id;

-- name: open_case_for_child
SELECT id, ref, area FROM ce_case WHERE child_id = :child AND status = 'open' ORDER BY id DESC LIMIT 1;

-- name: overdue
SELECT n.ref, n.due_on, n.area, n.to_area, n.contact, e.ref AS child_ref, e.area AS child_area, t.name AS to_area_name
FROM notification n LEFT JOIN entity e ON e.id = n.child_id JOIN area t ON t.code = n.to_area
WHERE n.done_on IS NULL AND (:area IS NULL OR n.area = :area);

-- name: links_between
-- The links of a kind between two entities (a found_at link a missing episode told of).
SELECT id FROM link WHERE from_id = :from AND to_id = :to AND kind = :kind;
