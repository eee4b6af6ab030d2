-- Every intelligence report's grading and dates, for the query snapshot, in id order.
SELECT i.id,
       i.ref,
       i.date,
       i.source_evaluation,
       i.intelligence_assessment,
       i.handling_code,
       i.created_at
FROM intel i
ORDER BY i.id;
