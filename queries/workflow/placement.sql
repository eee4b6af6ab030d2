-- A child's placements (issue 19).

-- name: insert
INSERT INTO placement (ref, child_id, placing_area, area, kind, placement, location_id, started_on, ended_on, incoming,
                       screened_on, ce_risk, note, recorded_by, created_at)
VALUES (:ref, :child, :placing, :area, :kind, :placement, :location, :started, :ended, :incoming, :screened, :risk, :note, :by, :now);

-- name: by_ref
SELECT p.*, e.ref AS child_ref, e.label AS child_label, l.ref AS location_ref, l.label AS location_label, l.area AS location_area,
       pa.name AS placing_area_name, ra.name AS area_name
FROM placement p JOIN entity e ON e.id = p.child_id LEFT JOIN entity l ON l.id = p.location_id
JOIN area pa ON pa.code = p.placing_area JOIN area ra ON ra.code = p.area
WHERE p.ref = :ref;

-- name: for_child
SELECT p.*, e.ref AS child_ref, e.label AS child_label, l.ref AS location_ref, l.label AS location_label, l.area AS location_area,
       pa.name AS placing_area_name, ra.name AS area_name
FROM placement p JOIN entity e ON e.id = p.child_id LEFT JOIN entity l ON l.id = p.location_id
JOIN area pa ON pa.code = p.placing_area JOIN area ra ON ra.code = p.area
WHERE p.child_id = :child ORDER BY p.started_on, p.id;

-- name: current_for_child
-- The child's placement on :on (the latest started), if any: where they live then.
SELECT p.id, p.ref, p.area, p.placing_area FROM placement p
WHERE p.child_id = :child AND p.started_on <= :on AND (p.ended_on IS NULL OR p.ended_on >= :on)
ORDER BY p.started_on DESC, p.id DESC LIMIT 1;

-- name: end
UPDATE placement SET ended_on = :ended WHERE id = :id;

-- name: screen
UPDATE placement SET screened_on = :screened, ce_risk = :risk WHERE id = :id;

-- name: unscreened
-- Incoming placements not yet screened for CE risk.
SELECT p.ref, p.started_on, p.area, e.ref AS child_ref, e.area AS child_area FROM placement p JOIN entity e ON e.id = p.child_id
WHERE p.incoming = 1 AND p.screened_on IS NULL AND (:area IS NULL OR p.area = :area);
