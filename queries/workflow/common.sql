-- Lookups every part of the workflow uses.

-- name: entity
-- An entity by database id: its kind, label, home area and attributes the workflow reads.
SELECT e.id, e.ref, e.kind, e.label, e.area,
       e.attrs ->> 'dob' AS dob, e.attrs ->> 'risk' AS risk, e.attrs ->> 'gender' AS gender,
       e.attrs ->> 'ethnicity' AS ethnicity, e.attrs ->> 'sen' AS sen, e.attrs ->> 'location_type' AS location_type
FROM entity e WHERE e.id = :id;

-- name: area
SELECT code, name, area_type, force FROM area WHERE code = :code;

-- name: agency
SELECT code, name FROM agency WHERE code = :code;

-- name: agencies
SELECT code, name FROM agency ORDER BY code;

-- name: next_id
-- The next number for a generated reference, per table (refs are PREFIX-NNNNNN).
SELECT coalesce(max(id), 0) + 1 AS next FROM (
    SELECT id FROM referral WHERE :table = 'referral'
    UNION ALL SELECT id FROM ce_case WHERE :table = 'ce_case'
    UNION ALL SELECT id FROM assessment WHERE :table = 'assessment'
    UNION ALL SELECT id FROM panel_meeting WHERE :table = 'panel_meeting'
    UNION ALL SELECT id FROM marthr_meeting WHERE :table = 'marthr_meeting'
    UNION ALL SELECT id FROM workflow_action WHERE :table = 'workflow_action'
    UNION ALL SELECT id FROM disruption WHERE :table = 'disruption');

-- name: settings
SELECT scope, settings FROM workflow_setting WHERE scope IN ('default', :scope)
ORDER BY scope = 'default' DESC;

-- name: save_settings
INSERT INTO workflow_setting (scope, settings, updated_at) VALUES (:scope, :settings, :now)
ON CONFLICT (scope) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at;
