-- Which reports record a concern about the relationship a link stands for (MARTHR
-- criterion 2), grouped by link.
SELECT link_id, intel_id
FROM link_support
WHERE concern = 1
ORDER BY link_id, intel_id;
