-- A bulk import's marks in the change log (schema 0016): while the row with seq 0 exists,
-- inside the import's transaction, the triggers stay quiet; at its end they log again and
-- query engines are told to read the graph whole.

-- name: start
INSERT INTO snapshot_change (seq, kind) VALUES (0, 'bulk');

-- name: quiet_end
DELETE FROM snapshot_change WHERE seq = 0;

-- name: read_whole
INSERT INTO snapshot_change (kind) VALUES ('all');
