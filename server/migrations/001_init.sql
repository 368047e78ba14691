-- Users, teams, tokens and the synced documents. Runs on PGlite and PostgreSQL alike.
CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'lead', 'reviewer', 'agent')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
  team_id text NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

-- Only the SHA-256 of a token is kept; the prefix lets an admin name a token to revoke it.
CREATE TABLE tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE SEQUENCE docs_seq;

-- owner: the reviewer (reviews), the agent (selfChecks), the publisher (scorecards).
-- subject: the reviewee (reviews). Both are lower-cased e-mails, the identity inside the documents;
-- team visibility is decided at read time through team_members, so membership changes apply at once.
CREATE TABLE docs (
  collection text NOT NULL CHECK (collection IN ('reviews', 'scorecards', 'selfChecks')),
  id text NOT NULL,
  revision integer NOT NULL,
  seq bigint NOT NULL,
  doc jsonb NOT NULL,
  owner text NOT NULL,
  subject text,
  deleted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX docs_seq_idx ON docs (seq);
CREATE INDEX docs_owner ON docs (collection, owner);
CREATE INDEX docs_subject ON docs (collection, subject);
