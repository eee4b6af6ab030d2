-- National Referral Mechanism tracking.

-- name: by_case
SELECT * FROM nrm WHERE case_id = :case;

-- name: insert
INSERT INTO nrm (case_id, stage, stage_on, submitted_on, multi_agency_forum, updated_at)
VALUES (:case, :stage, :on, :submitted, :forum, :now);

-- name: update
UPDATE nrm SET stage = :stage, stage_on = :on, submitted_on = coalesce(submitted_on, :submitted),
               multi_agency_forum = coalesce(:forum, multi_agency_forum), updated_at = :now
WHERE id = :id;

-- name: event
INSERT INTO nrm_event (nrm_id, stage, stage_on, note, created_at) VALUES (:nrm, :stage, :on, :note, :now);

-- name: for_case
SELECT n.stage, n.stage_on, n.submitted_on, n.multi_agency_forum,
       (SELECT json_group_array(json_object('stage', ev.stage, 'on', ev.stage_on, 'note', ev.note))
        FROM nrm_event ev WHERE ev.nrm_id = n.id) AS history
FROM nrm n WHERE n.case_id = :case;
