-- Why a MACCSE panel was cancelled (the workflow asks for a reason), and when.
ALTER TABLE panel_meeting ADD COLUMN cancelled_reason TEXT;
ALTER TABLE panel_meeting ADD COLUMN cancelled_on TEXT CHECK (cancelled_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
