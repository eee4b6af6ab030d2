-- Every intelligence report's grading and dates, for the query snapshot, in id order.
SELECT i.id,
       i.ref,
       CAST(julianday(i.date) - 2440587.5 AS INTEGER),
       i.source_evaluation,
       i.intelligence_assessment,
       i.handling_code,
       CAST(julianday(substr(i.created_at, 1, 10)) - 2440587.5 AS INTEGER)
FROM intel i
ORDER BY i.id;
