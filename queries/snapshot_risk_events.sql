-- The events of each child's record that start or end their time at risk (MARTHR criteria
-- 2 and 4, issue 20), in order: a MACCSE case opened (`open`), an assessment or a panel's
-- agreed level (`level`, with the level), a case closed (`closed`, with the closure and the
-- closing level). The loader folds them into periods.
SELECT child_id, day, event, detail, closing FROM (
    SELECT c.child_id, c.opened_on AS day, 'open' AS event, NULL AS detail, NULL AS closing, 0 AS ord, c.id AS seq
    FROM ce_case c
    UNION ALL
    SELECT c.child_id, a.assessed_on, 'level', a.risk, NULL, 1, a.id
    FROM assessment a JOIN ce_case c ON c.id = a.case_id
    UNION ALL
    SELECT c.child_id, m.held_on, 'level', d.risk, NULL, 2, d.id
    FROM panel_decision d JOIN panel_meeting m ON m.id = d.meeting_id JOIN ce_case c ON c.id = d.case_id
    WHERE d.risk IS NOT NULL
    UNION ALL
    SELECT c.child_id, c.closed_on, 'closed', c.closure, c.closing_risk, 3, c.id
    FROM ce_case c WHERE c.status = 'closed'
)
ORDER BY child_id, day, ord, seq;
