-- What the query engine reads besides the graph for MARTHR (issue 20): the partnership's
-- thresholds and the subjects MARTHR already manages.

-- name: settings
-- The `marthr` part of the default workflow settings (PartnershipSettings), if any.
SELECT settings -> '$.marthr' AS marthr FROM workflow_setting WHERE scope = 'default';

-- name: managed
-- Subjects under management on the day asked: accepted at a MARTHR meeting held by then
-- (until a later meeting declines them), with a MARTHR action still open, or with a notice
-- or order in force. `since` is the earliest of these; `notices` those in force.
WITH accepted AS (
    SELECT n.subject_id, max(m.held_on) AS since
    FROM marthr_nomination n JOIN marthr_meeting m ON m.id = n.meeting_id
    WHERE n.status = 'accepted' AND m.held_on <= :on
      AND NOT EXISTS (SELECT 1 FROM marthr_nomination later JOIN marthr_meeting lm ON lm.id = later.meeting_id
                      WHERE later.subject_id = n.subject_id AND later.status = 'declined'
                        AND lm.held_on > m.held_on AND lm.held_on <= :on)
    GROUP BY n.subject_id
), actions AS (
    SELECT a.subject_id, count(*) AS open_actions, min(m.held_on) AS since
    FROM workflow_action a JOIN marthr_meeting m ON m.id = a.marthr_meeting_id
    WHERE a.subject_id IS NOT NULL AND a.status = 'open' AND m.held_on <= :on
    GROUP BY a.subject_id
), notices AS (
    SELECT d.subject_id, min(d.served_on) AS since,
           json_group_array(json_object('ref', d.ref, 'tool', d.tool, 'served_on', d.served_on, 'expires_on', d.expires_on))
               AS notices
    FROM disruption d
    -- Served by the day, not expired, not ended by then (a renewed notice stays in force
    -- until its replacement is served, which is then in force itself).
    WHERE d.status IN ('served', 'renewed', 'ended') AND d.served_on <= :on
      AND (d.expires_on IS NULL OR d.expires_on >= :on) AND (d.ended_on IS NULL OR d.ended_on > :on)
    GROUP BY d.subject_id
), subjects AS (
    SELECT subject_id FROM accepted UNION SELECT subject_id FROM actions UNION SELECT subject_id FROM notices
)
SELECT s.subject_id, e.ref,
       nullif(min(coalesce(a.since, '9999-12-31'), coalesce(x.since, '9999-12-31'), coalesce(n.since, '9999-12-31')),
              '9999-12-31') AS since,
       a.since AS accepted_on, coalesce(x.open_actions, 0) AS open_actions, coalesce(n.notices, '[]') AS notices
FROM subjects s JOIN entity e ON e.id = s.subject_id
LEFT JOIN accepted a ON a.subject_id = s.subject_id
LEFT JOIN actions x ON x.subject_id = s.subject_id
LEFT JOIN notices n ON n.subject_id = s.subject_id
ORDER BY since, e.id;
