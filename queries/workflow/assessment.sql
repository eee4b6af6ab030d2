-- Child exploitation assessments.

-- name: insert
INSERT INTO assessment (ref, case_id, framework, assessed_on, kind, concern, agencies, answers, risk,
                        immediate_action, outcome, intel_id, created_at)
VALUES (:ref, :case, :framework, :assessed, :kind, :concern, :agencies, :answers, :risk, :immediate,
        :outcome, (SELECT intel_id FROM ref WHERE ref = :intel_ref), :now);

-- name: for_case
SELECT a.ref, a.framework, a.assessed_on, a.kind, a.concern, a.agencies, a.risk, a.immediate_action, a.outcome,
       i.ref AS intel_ref
FROM assessment a LEFT JOIN intel i ON i.id = a.intel_id
WHERE a.case_id = :case ORDER BY a.assessed_on, a.id;

-- name: previous_for_child
-- The assessment of the same child in the same local authority made just before :ref.
SELECT p.ref FROM assessment a JOIN ce_case c ON c.id = a.case_id
JOIN ce_case pc ON pc.child_id = c.child_id AND pc.area = c.area JOIN assessment p ON p.case_id = pc.id
WHERE a.ref = :ref AND (p.assessed_on < a.assessed_on OR (p.assessed_on = a.assessed_on AND p.id < a.id))
ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1;

-- name: by_ref
-- One assessment in full, with its case, child, and the intelligence record that carries
-- its grading and summary.
SELECT a.ref, a.framework, a.assessed_on, a.kind, a.concern, a.agencies, a.answers, a.risk, a.immediate_action,
       a.outcome, c.ref AS case_ref, c.area, e.ref AS child_ref, e.label AS child_label, i.ref AS intel_ref,
       i.source_evaluation, i.intelligence_assessment, i.handling_code, i.handling_conditions, i.text AS summary
FROM assessment a JOIN ce_case c ON c.id = a.case_id JOIN entity e ON e.id = c.child_id
LEFT JOIN intel i ON i.id = a.intel_id
WHERE a.ref = :ref;
