-- A panel member may chair the panels of an authority they sit for (issue 16): the chair
-- approves the minutes. The approval is kept on the meeting: the day and who approved.
-- Never edit this file once it has landed.

ALTER TABLE account_panel ADD COLUMN chair INTEGER NOT NULL DEFAULT 0 CHECK (chair IN (0, 1));

ALTER TABLE panel_meeting ADD COLUMN minutes_approved_on TEXT
    CHECK (minutes_approved_on IS NULL OR minutes_approved_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE panel_meeting ADD COLUMN minutes_approved_by TEXT;
