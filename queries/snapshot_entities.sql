-- Every entity, for the query snapshot, in id order (the snapshot's dense ids follow it).
-- Dates come back as days since 1970-01-01 so the snapshot parses no text.
SELECT e.id,
       e.ref,
       e.kind,
       e.label,
       e.area,
       e.attrs ->> 'risk',
       e.attrs ->> 'of_concern',
       e.attrs ->> 'status',
       e.attrs ->> 'closed',
       CAST(julianday(substr(e.created_at, 1, 10)) - 2440587.5 AS INTEGER)
FROM entity e
ORDER BY e.id;
