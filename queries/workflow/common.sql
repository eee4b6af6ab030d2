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
SELECT code, name, partner FROM agency WHERE code = :code;

-- name: agencies
SELECT code, name, partner FROM agency ORDER BY code;

-- The next number for a generated reference (PREFIX-NNNNNN), one statement per table so
-- that each reads the last rowid only.

-- name: next_referral
SELECT coalesce(max(id), 0) + 1 AS next FROM referral;

-- name: next_ce_case
SELECT coalesce(max(id), 0) + 1 AS next FROM ce_case;

-- name: next_assessment
SELECT coalesce(max(id), 0) + 1 AS next FROM assessment;

-- name: next_panel_meeting
SELECT coalesce(max(id), 0) + 1 AS next FROM panel_meeting;

-- name: next_marthr_meeting
SELECT coalesce(max(id), 0) + 1 AS next FROM marthr_meeting;

-- name: next_workflow_action
SELECT coalesce(max(id), 0) + 1 AS next FROM workflow_action;

-- name: next_strategy_meeting
SELECT coalesce(max(id), 0) + 1 AS next FROM strategy_meeting;

-- name: next_missing_episode
SELECT coalesce(max(id), 0) + 1 AS next FROM missing_episode;

-- name: next_disruption
SELECT coalesce(max(id), 0) + 1 AS next FROM disruption;

-- name: settings
SELECT scope, settings FROM workflow_setting WHERE scope IN ('default', :scope)
ORDER BY scope = 'default' DESC;

-- name: save_settings
INSERT INTO workflow_setting (scope, settings, updated_at) VALUES (:scope, :settings, :now)
ON CONFLICT (scope) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at;

-- name: next_placement
SELECT coalesce(max(id), 0) + 1 AS next FROM placement;

-- name: next_notification
SELECT coalesce(max(id), 0) + 1 AS next FROM notification;
