// The server pieces the sync bench drives, bundled for plain Node by bench/sync.mjs (Node 20 cannot run TypeScript).
export { openPglite, openPostgres, type Db } from '../server/src/db';
export { migrate } from '../server/src/migrate';
export { addTeam, addUser, createToken } from '../server/src/admin';
export { startServer } from '../server/src/serve';
export { startPostgres } from '../server/tests/helpers/postgres';
export { review } from '../server/tests/helpers/docs';
export { chunkChanges, pushBatch, pullSince } from '../lib/sync/client';
