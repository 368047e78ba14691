-- The versions each team's documents of a kind were made with (lib/model/kinds.ts `madeWith`): the
-- `used` read grant's team rows. Whoever reads a team's documents of that kind (by the `team`,
-- `opened` or `named` grant) reads the versions they were made with: when a lead of teams A and B
-- reviews an agent of B with A's card, B's other leads read that version of the card, and so the
-- review whole. Filled from the stored documents as this migration is applied (server/src/uses.ts), and on
-- every write after it.
CREATE TABLE team_uses (
  team text NOT NULL,
  kind text NOT NULL,
  used text NOT NULL,
  PRIMARY KEY (team, kind, used)
);
