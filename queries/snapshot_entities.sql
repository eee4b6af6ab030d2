-- Every entity, for the query snapshot, in id order (the snapshot's dense ids follow it).
-- The columns are the view snapshot_entity_row's (schema 0016).
SELECT id, ref, kind, label, area, risk, of_concern, operation_status, operation_closed, created_at, open_case,
       place_of_concern
FROM snapshot_entity_row
ORDER BY id;
