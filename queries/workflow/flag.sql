-- Flags on children, adults and locations.

-- name: insert
INSERT INTO flag (entity_id, flag, owner_agency, set_on, set_by_decision, review_on, created_at)
VALUES (:entity, :flag, :owner, :set_on, :decision, :review, :now);

-- name: remove
UPDATE flag SET removed_on = :removed, removed_by_decision = :decision, expires_on = :expires
WHERE id = :id AND removed_on IS NULL;

-- name: active_for_entity
SELECT id, flag, owner_agency FROM flag WHERE entity_id = :entity AND removed_on IS NULL ORDER BY id;

-- name: for_entity
-- Every flag, with whether it is still present on the day asked: a police flag removed by
-- MACCSE stays to the end of its expiry day.
SELECT f.id, f.flag, f.owner_agency, f.set_on, f.review_on, f.removed_on, f.expires_on,
       sm.ref AS set_at_panel, rm.ref AS removed_at_panel,
       (f.removed_on IS NULL OR (f.expires_on IS NOT NULL AND f.expires_on >= :on)) AS present
FROM flag f
LEFT JOIN panel_decision sd ON sd.id = f.set_by_decision LEFT JOIN panel_meeting sm ON sm.id = sd.meeting_id
LEFT JOIN panel_decision rd ON rd.id = f.removed_by_decision LEFT JOIN panel_meeting rm ON rm.id = rd.meeting_id
WHERE f.entity_id = :entity ORDER BY f.set_on, f.id;

-- name: set_review
-- A panel's review of a case reviews the child's flags too: they are next due with it.
UPDATE flag SET review_on = :review WHERE entity_id = :entity AND removed_on IS NULL;

-- name: reviews
-- Flags still set, with their review date.
SELECT f.flag, f.owner_agency, f.review_on, e.ref AS entity_ref, e.kind, e.area
FROM flag f JOIN entity e ON e.id = f.entity_id
WHERE f.removed_on IS NULL AND f.review_on IS NOT NULL ORDER BY f.review_on;
