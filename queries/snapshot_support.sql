-- Which reports support which link (provenance), grouped by link.
SELECT link_id, intel_id
FROM link_support
ORDER BY link_id, intel_id;
