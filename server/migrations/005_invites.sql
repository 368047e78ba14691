-- Invites: a one-time code (only its SHA-256 kept) that the invited person's Arvio exchanges for its own token.
CREATE TABLE invites (
  id text PRIMARY KEY,
  hash text NOT NULL UNIQUE,
  email text NOT NULL,
  name text NOT NULL,
  team_id text NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'lead', 'reviewer', 'agent')),
  invited_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  redeemed_at timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX invites_team ON invites (team_id) WHERE redeemed_at IS NULL AND cancelled_at IS NULL;
