-- Every entity, for the query snapshot, in id order (the snapshot's dense ids follow it).
-- Attributes are read only for the kinds that use them (JSON is parsed per call), and
-- dates come back as text that the snapshot parses from bytes.
SELECT e.id,
       e.ref,
       e.kind,
       e.label,
       e.area,
       CASE WHEN e.kind = 'child' THEN e.attrs ->> 'risk' END,
       CASE WHEN e.kind = 'adult' THEN e.attrs ->> 'of_concern' END,
       CASE WHEN e.kind = 'operation' THEN e.attrs ->> 'status' END,
       CASE WHEN e.kind = 'operation' THEN e.attrs ->> 'closed' END,
       e.created_at,
       -- An open MACCSE case makes a child "at risk" (MARTHR criterion 2), whatever the
       -- risk level recorded.
       CASE WHEN e.kind = 'child' THEN EXISTS (SELECT 1 FROM ce_case c WHERE c.child_id = e.id AND c.status = 'open') END
FROM entity e
ORDER BY e.id;
