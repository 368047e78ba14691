-- The versions each person's own documents were made with (lib/model/kinds.ts `madeWith`: a review's
-- scorecard version, a coaching session's form and its focus cards), by the person who owns the
-- document and the person it is about: the `used` read grant. Filled from the stored documents as this
-- migration is applied (server/src/uses.ts), and on every write after it.
CREATE TABLE doc_uses (
  person text NOT NULL,
  used text NOT NULL,
  PRIMARY KEY (person, used)
);
