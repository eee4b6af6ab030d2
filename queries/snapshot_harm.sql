-- Which reports suggest a risk of harm from which entity (MARTHR criterion 3), grouped by entity.
SELECT entity_id, intel_id
FROM intel_about
WHERE harm = 1
ORDER BY entity_id, intel_id;
