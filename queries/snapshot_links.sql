-- Every link, for the query snapshot, in id order. Dates as days since 1970-01-01.
SELECT l.id,
       l.from_id,
       l.to_id,
       l.kind,
       CAST(julianday(l.first_seen) - 2440587.5 AS INTEGER),
       CAST(julianday(l.last_seen) - 2440587.5 AS INTEGER),
       CAST(julianday(substr(l.created_at, 1, 10)) - 2440587.5 AS INTEGER)
FROM link l
ORDER BY l.id;
