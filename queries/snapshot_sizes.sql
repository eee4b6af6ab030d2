-- The largest entity, link and report ids: capacity hints for the snapshot's arrays.
SELECT (SELECT coalesce(max(id), 0) FROM entity),
       (SELECT coalesce(max(id), 0) FROM link),
       (SELECT coalesce(max(id), 0) FROM intel);
