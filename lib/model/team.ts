// Which team a synced document belongs to: the server's team id, or null (a profile without a team
// backend, a document written before teams owned data, or an organisation-wide scorecard).
import { z } from 'zod';

export const teamIdSchema = z.string().min(1).max(100);

/** The `team` field of a synced document. Missing in documents older than the field: read as null. */
export const docTeamSchema = teamIdSchema.nullable().default(null);
