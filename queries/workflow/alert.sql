-- Alerts raised from the graph, and the scans that raised them.

-- name: last_scan
SELECT scanned_on FROM alert_scan ORDER BY id DESC LIMIT 1;

-- name: record_scan
INSERT INTO alert_scan (scanned_on, since, data_version, raised, created_at) VALUES (:on, :since, :version, :raised, :now);

-- name: raise
INSERT INTO alert (kind, key, entity_ids, detail, raised_on, data_version, created_at)
VALUES (:kind, :key, :entities, :detail, :on, :version, :now)
ON CONFLICT (key) DO NOTHING;

-- name: by_id
SELECT * FROM alert WHERE id = :id;

-- name: review
UPDATE alert SET status = :status, reviewed_by = :by, review_note = :note WHERE id = :id;

-- name: list
SELECT id, kind, entity_ids, detail, raised_on, status, reviewed_by, review_note FROM alert
WHERE (:status IS NULL OR status = :status) ORDER BY raised_on DESC, id DESC;

-- name: flagged
-- Records with a flag present on the day asked (the alert rules treat them as of concern).
SELECT DISTINCT entity_id FROM flag WHERE removed_on IS NULL OR (expires_on IS NOT NULL AND expires_on >= :on);

-- name: by_key
SELECT id FROM alert WHERE key = :key;
