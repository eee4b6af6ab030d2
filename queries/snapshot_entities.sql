-- Every entity, for the query snapshot, in id order (the snapshot's dense ids follow it).
-- Attributes are read only for the kinds that use them (JSON is parsed per call), and
-- dates come back as text that the snapshot parses from bytes.
SELECT e.id,
       e.ref,
       e.kind,
       e.label,
       e.area,
       CASE WHEN e.kind = 'child' THEN e.attrs ->> 'risk' END,
       -- An adult is of concern only where something records it (MARTHR, issue 20): the
       -- submitting system's `of_concern: true`, a perpetrator or adult-of-concern flag, a
       -- flag set through MACCSE, or a subject MARTHR accepted. Intelligence suggesting
       -- harm, a link recorded as a concern and an active operation are added by the loader.
       CASE WHEN e.kind = 'adult' THEN
           coalesce(e.attrs ->> 'of_concern', 0) = 1
           OR EXISTS (SELECT 1 FROM json_each(e.attrs, '$.flags') f
                      WHERE f.value IN ('ce_perpetrator', 'cse_perpetrator', 'cce_perpetrator', 'adult_of_concern'))
           OR EXISTS (SELECT 1 FROM flag g WHERE g.entity_id = e.id AND g.flag = 'adult_of_concern' AND g.removed_on IS NULL)
           OR EXISTS (SELECT 1 FROM marthr_nomination n WHERE n.subject_id = e.id AND n.status = 'accepted')
       END,
       CASE WHEN e.kind = 'operation' THEN e.attrs ->> 'status' END,
       CASE WHEN e.kind = 'operation' THEN e.attrs ->> 'closed' END,
       e.created_at,
       -- An open MACCSE case makes a child "at risk" today, whatever the risk level recorded
       -- (the child's record over time is read by snapshot_risk_events).
       CASE WHEN e.kind = 'child' THEN EXISTS (SELECT 1 FROM ce_case c WHERE c.child_id = e.id AND c.status = 'open') END,
       -- A place flagged as a location of concern (MARTHR criterion 4).
       CASE WHEN e.kind = 'location' THEN
           EXISTS (SELECT 1 FROM json_each(e.attrs, '$.flags') f WHERE f.value = 'location_of_concern')
           OR EXISTS (SELECT 1 FROM flag g WHERE g.entity_id = e.id AND g.flag = 'location_of_concern' AND g.removed_on IS NULL)
       END
FROM entity e
ORDER BY e.id;
