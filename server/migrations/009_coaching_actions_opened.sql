-- A coaching session opens its agreed actions to its agent once held (lib/model/kinds.ts: `opens`,
-- `audience`; the actions' `named` grant): until then they are the coach's draft. Sessions stored
-- before take the columns their documents give.
UPDATE docs d
   SET opens = CASE WHEN d.doc->>'status' = 'held' AND d.doc->>'deleted' = 'false' THEN 'all' END,
       audience = jsonb_build_array(lower(btrim(d.doc->'agent'->>'id')))
 WHERE d.collection = 'coachingSessions';
