-- The reports a delta changed (issue 22), as snapshot_intel.sql reads them.
SELECT id, ref, date, source_evaluation, intelligence_assessment, handling_code, created_at
FROM intel
WHERE id IN (SELECT value FROM json_each(:ids))
ORDER BY id;
