-- The links a delta changed (issue 22), as snapshot_links.sql reads them.
SELECT id, from_id, to_id, kind, first_seen, last_seen, created_at
FROM link
WHERE id IN (SELECT value FROM json_each(:ids))
ORDER BY id;
