-- What the `opened` read grant needs (lib/model/kinds.ts): a document's parent (a rating's session,
-- a dispute's review), its group (the ratings of one ticket of one session), and to whom it opens
-- itself and its children ('all', 'own', or nobody yet: NULL). Existing kinds leave them NULL.
ALTER TABLE docs ADD COLUMN parent text;
ALTER TABLE docs ADD COLUMN grp text;
ALTER TABLE docs ADD COLUMN opens text CHECK (opens IN ('all', 'own'));
CREATE INDEX docs_parent ON docs (collection, parent) WHERE parent IS NOT NULL;
CREATE INDEX docs_grp ON docs (collection, grp, owner) WHERE grp IS NOT NULL;
CREATE INDEX docs_opens ON docs (collection, id) WHERE opens IS NOT NULL;
