-- Need-to-know for panel members (GraphServer).

-- name: panel_children
-- The children on the agendas of the panels of these local authorities (a JSON array of
-- codes) held since a day, or still to come: all a panel member may see.
SELECT DISTINCT e.id, e.ref FROM agenda_item a
JOIN panel_meeting m ON m.id = a.meeting_id JOIN ce_case c ON c.id = a.case_id JOIN entity e ON e.id = c.child_id
WHERE m.area IN (SELECT value FROM json_each(:areas)) AND m.held_on >= :since AND m.status <> 'cancelled';

-- name: placed_children
-- The children placed now (a placement current on :on) in an authority other than their
-- home, with the authority they live in and its force: a scoped account covering it may
-- know them.
SELECT DISTINCT e.id, e.ref, p.area, a.force FROM placement p JOIN entity e ON e.id = p.child_id JOIN area a ON a.code = p.area
WHERE p.started_on <= :on AND (p.ended_on IS NULL OR p.ended_on >= :on) AND (e.area IS NULL OR e.area <> p.area);
