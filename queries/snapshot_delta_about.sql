-- The reports about the entities a delta changed, with whether each suggests harm from them.
SELECT entity_id, intel_id, harm
FROM intel_about
WHERE entity_id IN (SELECT value FROM json_each(:ids))
ORDER BY entity_id, intel_id;
