-- Documents are stored as the JSON text the server validated: it is printed into pull answers as it
-- is, where jsonb had to be printed anew for every document pulled (most of the database's work in a
-- large pull). Nothing queries inside a document; authorization has its own columns.
ALTER TABLE docs ALTER COLUMN doc TYPE json USING doc::json;
