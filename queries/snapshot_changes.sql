-- The store's changes after the snapshot's (issue 22): rows of schema 0016's change log,
-- in order, and the first row still kept (an older snapshot cannot be brought up to date).
SELECT seq, kind, row_id, (SELECT coalesce(min(seq), 0) FROM snapshot_change WHERE seq > 0)
FROM snapshot_change
WHERE seq > :since
ORDER BY seq
LIMIT :limit;
