-- Every link, for the query snapshot, in id order. Dates come back as text
-- (YYYY-MM-DD..., parsed from bytes by the snapshot: 5M julianday() calls cost seconds).
SELECT l.id,
       l.from_id,
       l.to_id,
       l.kind,
       l.first_seen,
       l.last_seen,
       l.created_at
FROM link l
ORDER BY l.id;
