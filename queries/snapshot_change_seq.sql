-- The last row of the change log (schema 0016), which a snapshot read now holds.
SELECT coalesce(max(seq), 0) FROM snapshot_change;
