-- Which reports are about which entity, grouped by entity.
SELECT entity_id, intel_id
FROM intel_about
ORDER BY entity_id, intel_id;
