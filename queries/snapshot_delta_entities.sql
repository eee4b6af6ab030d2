-- The entities a delta changed (issue 22), as snapshot_entities.sql reads them; :ids is a
-- JSON array of database ids.
SELECT id, ref, kind, label, area, risk, of_concern, operation_status, operation_closed, created_at, open_case,
       place_of_concern
FROM snapshot_entity_row
WHERE id IN (SELECT value FROM json_each(:ids))
ORDER BY id;
