// The database behind one service: pages call these named operations, not raw tables.
export { ArvioDb, db, useDatabase, DB_NAME, SCHEMA_V1, SCHEMA_V2 } from './database';
export type { OutboxRow, ReviewRevisionRow, SettingRow } from './database';
export { getSettings, saveSettings, LANGUAGE_STORAGE_KEY } from './settings';
