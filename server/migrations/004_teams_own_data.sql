-- Teams own data (issue 13): a role per membership, and a team on every synced document.
--
-- A person's role is now theirs in each team they belong to (a lead of one team may be a reviewer in
-- another); users.role stays the account's role (what the extension shows, and `admin`, which is the
-- organisation's, not a team's). Existing memberships take the account's role; an admin who was a
-- member of a team leads it.
ALTER TABLE team_members ADD COLUMN role text;
UPDATE team_members m SET role = CASE u.role WHEN 'admin' THEN 'lead' ELSE u.role END FROM users u WHERE u.id = m.user_id;
ALTER TABLE team_members ALTER COLUMN role SET NOT NULL;
ALTER TABLE team_members ADD CONSTRAINT team_members_role_check CHECK (role IN ('lead', 'reviewer', 'agent'));

-- The team a document belongs to (its `team` field; NULL: none, or organisation-wide for scorecards
-- and coaching forms), and the series a version belongs to (a scorecard's or a form's id).
ALTER TABLE docs ADD COLUMN team text;
ALTER TABLE docs ADD COLUMN series text;
CREATE INDEX docs_team ON docs (collection, team);
CREATE INDEX docs_series ON docs (collection, series) WHERE series IS NOT NULL;

-- Documents stored before: nothing is lost, each gets the team the people in it share.
-- 1. Documents that named their team already.
UPDATE docs SET team = doc->>'team' WHERE doc->>'team' IS NOT NULL;
-- 2. Documents about someone (reviews, coaching sessions): the first team, by name, of the author and
--    the subject both; else the subject's first team.
WITH choice AS (
  SELECT d.collection, d.id,
         coalesce(
           (SELECT t.id FROM teams t
              JOIN team_members mo ON mo.team_id = t.id JOIN users uo ON uo.id = mo.user_id AND uo.email = d.owner
              JOIN team_members ms ON ms.team_id = t.id JOIN users us ON us.id = ms.user_id AND us.email = d.subject
             ORDER BY t.name LIMIT 1),
           (SELECT t.id FROM teams t JOIN team_members ms ON ms.team_id = t.id JOIN users us ON us.id = ms.user_id AND us.email = d.subject
             ORDER BY t.name LIMIT 1)) AS team
    FROM docs d
   WHERE d.team IS NULL AND d.subject IS NOT NULL AND d.collection IN ('reviews', 'coachingSessions'))
UPDATE docs d SET team = choice.team FROM choice WHERE d.collection = choice.collection AND d.id = choice.id;
-- 3. Self-checks, and the first version of each scorecard or form series: the author's first team.
UPDATE docs d SET series = regexp_replace(d.id, '@[0-9]+$', '') WHERE d.collection IN ('scorecards', 'coachingForms');
UPDATE docs d SET team = (SELECT t.id FROM teams t JOIN team_members m ON m.team_id = t.id JOIN users u ON u.id = m.user_id AND u.email = d.owner
                            ORDER BY t.name LIMIT 1)
 WHERE d.team IS NULL AND d.collection IN ('selfChecks', 'scorecards', 'coachingForms');
--    Every version of a series in the team of its first.
UPDATE docs d SET team = first.team
  FROM (SELECT DISTINCT ON (collection, series) collection, series, team FROM docs WHERE series IS NOT NULL
         ORDER BY collection, series, (regexp_replace(id, '^.*@', ''))::int) AS first
 WHERE d.collection = first.collection AND d.series = first.series AND d.team IS DISTINCT FROM first.team;
-- 4. Children: their parent's team.
UPDATE docs c SET team = p.team FROM docs p
 WHERE c.parent IS NOT NULL AND p.id = c.parent AND p.collection = CASE c.collection
         WHEN 'calibrationRatings' THEN 'calibrationSessions' WHEN 'disputes' THEN 'reviews' ELSE 'coachingSessions' END
   AND c.collection IN ('calibrationRatings', 'disputes', 'coachingActions', 'coachingNotes');
-- 5. The documents say so too: a changed document gets a new revision and sequence number, so every
--    client pulls it (a client's unsent edit of one becomes a conflict to choose, never an overwrite).
--    A document no team could be found for keeps none: admins read and reassign it.
UPDATE docs d SET doc = (d.doc::jsonb || jsonb_build_object('team', d.team))::json, revision = d.revision + 1, seq = n.seq
  FROM (SELECT collection, id, nextval('docs_seq') AS seq
          FROM (SELECT collection, id FROM docs WHERE (doc->>'team') IS DISTINCT FROM team ORDER BY seq) AS o) AS n
 WHERE d.collection = n.collection AND d.id = n.id;
