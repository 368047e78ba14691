-- Secrets the server keeps for itself, generated once here. `calibration-pseudonyms` keys the HMAC
-- that numbers a calibration session's participants for readers who may not see their names
-- (server/src/pseudonyms.ts): two v4 UUIDs from PostgreSQL's strong random source, 244 random bits.
CREATE TABLE server_secrets (name text PRIMARY KEY, value text NOT NULL);
INSERT INTO server_secrets (name, value)
  VALUES ('calibration-pseudonyms', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
