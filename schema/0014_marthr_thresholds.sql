-- MARTHR thresholds as seed 003 words them (issue 20). Never edit this file once it has
-- landed: add a new migration instead.
--
-- Criterion 3 asks for intelligence "which suggests a risk of harm from the subject(s)":
-- a report says so of each entity it is about that it names in `harm_from` (FORMAT
-- additions, docs/QUERIES.md), kept on the report's `about` row.
ALTER TABLE intel_about ADD COLUMN harm INTEGER NOT NULL DEFAULT 0 CHECK (harm IN (0, 1));

-- Criterion 2 counts any link "where there is a concern that the relationship may expose
-- the child to harm": a link record's `concern` says the intelligence supporting it records
-- that concern, kept on the link's provenance rows.
ALTER TABLE link_support ADD COLUMN concern INTEGER NOT NULL DEFAULT 0 CHECK (concern IN (0, 1));

-- A partner's or a panel's nomination states the thresholds it claims (`claimed`, 1-4);
-- the evidence confirms some of them (`confirmed`, what the query engine found on the day
-- of nomination); a chair who accepts a claim the evidence does not confirm says why.
ALTER TABLE marthr_nomination ADD COLUMN claimed TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(claimed) AND json_type(claimed) = 'array');
ALTER TABLE marthr_nomination ADD COLUMN confirmed TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(confirmed) AND json_type(confirmed) = 'array');
ALTER TABLE marthr_nomination ADD COLUMN override_reason TEXT;
ALTER TABLE marthr_nomination ADD COLUMN decided_on TEXT
    CHECK (decided_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
