-- When the server first stored each document, by its own clock: the dispute window counts from a
-- review's first push (issue 18), a time no client can forge. Documents stored before get their last
-- change, the latest time the server can vouch for (it favours the agent, never the other way round).
ALTER TABLE docs ADD COLUMN received_at timestamptz;
UPDATE docs SET received_at = updated_at;
ALTER TABLE docs ALTER COLUMN received_at SET DEFAULT now();
ALTER TABLE docs ALTER COLUMN received_at SET NOT NULL;
