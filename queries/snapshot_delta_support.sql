-- The supporting reports of the links a delta changed, with whether each records a concern.
SELECT link_id, intel_id, concern
FROM link_support
WHERE link_id IN (SELECT value FROM json_each(:ids))
ORDER BY link_id, intel_id;
