-- Whom a document names (lib/model/kinds.ts `audience`): the `named` read grant opens it and its
-- children to them only. A calibration session names its facilitator and participants, so its
-- revealed ratings reach them (and the team's leads), not every reviewer of the team.
ALTER TABLE docs ADD COLUMN audience jsonb;
UPDATE docs d SET audience = (
  SELECT jsonb_agg(DISTINCT lower(btrim(person)) ORDER BY lower(btrim(person)))
    FROM (SELECT d.doc->>'facilitator' AS person UNION ALL SELECT json_array_elements_text(d.doc->'participants')) AS named
   WHERE person IS NOT NULL)
 WHERE d.collection = 'calibrationSessions';
