-- Need-to-know for panel members (GraphServer).

-- name: panel_children
-- The children on the agendas of the panels of these local authorities (a JSON array of
-- codes) held since a day, or still to come: all a panel member may see.
SELECT DISTINCT e.id, e.ref FROM agenda_item a
JOIN panel_meeting m ON m.id = a.meeting_id JOIN ce_case c ON c.id = a.case_id JOIN entity e ON e.id = c.child_id
WHERE m.area IN (SELECT value FROM json_each(:areas)) AND m.held_on >= :since AND m.status <> 'cancelled';

-- name: placed_children
-- The children placed now in these areas (a JSON array of local authority or force codes)
-- by an authority other than their home: each child's latest placement current on :on (the
-- one that says where they live, as the front door does), the child's home known.
SELECT e.id, e.ref FROM placement p JOIN entity e ON e.id = p.child_id JOIN area a ON a.code = p.area
WHERE e.kind = 'child' AND e.area IS NOT NULL AND e.area <> p.area
  AND (p.area IN (SELECT value FROM json_each(:areas)) OR a.force IN (SELECT value FROM json_each(:areas)))
  AND p.id = (SELECT q.id FROM placement q WHERE q.child_id = p.child_id AND q.started_on <= :on
                AND (q.ended_on IS NULL OR q.ended_on >= :on) ORDER BY q.started_on DESC, q.id DESC LIMIT 1);
