// Files in and out of the profile: every review streamed out as CSV or the `arvio.export` JSON by
// cursor in chunks, and that JSON imported back in one transaction, all or nothing. The formats
// themselves are lib/export's (the server writes them too); this folder is their trip through the database.
export * from './stream';
