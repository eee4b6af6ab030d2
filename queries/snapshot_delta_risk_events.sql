-- The risk events of the children a delta changed (issue 22), as snapshot_risk_events.sql.
SELECT child_id, day, event, detail, closing
FROM snapshot_risk_event_row
WHERE child_id IN (SELECT value FROM json_each(:ids))
ORDER BY child_id, day, ord, seq;
