-- Keeps the change log to its latest 200,000 rows (schema 0016); an engine further behind
-- reads the graph whole.
DELETE FROM snapshot_change WHERE seq > 0 AND seq < (SELECT max(seq) FROM snapshot_change) - 200000;
