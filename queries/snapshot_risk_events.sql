-- The events of each child's record that start or end their time at risk (MARTHR criteria
-- 2 and 4, issue 20), in order: a MACCSE case opened (`open`), an assessment or a panel's
-- agreed level (`level`, with the level), a case closed (`closed`, with the closure and the
-- closing level). The loader folds them into periods.
SELECT child_id, day, event, detail, closing
FROM snapshot_risk_event_row
ORDER BY child_id, day, ord, seq;
