// The server's numeric settings from its environment, checked once at start: a typo stops the server
// with the setting's name (`PORT=80a`), rather than serving on a random port or with no body limit
// (`Number('1MB')` is NaN, and a NaN limit lets every body through).
import { z } from 'zod';

/** A whole number from `min` to `max`, or `fallback` when the variable is unset or empty. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, max: number, fallback: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(value.trim());
  if (!parsed.success) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return parsed.data;
}

export interface NumericSettings {
  port: number;
  /** The largest request body in bytes (larger: 413). */
  maxBodyBytes: number;
  /** Conversation text is kept this many months; 0 keeps it for good. */
  retentionMonths: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** PORT, ARVIO_MAX_BODY_BYTES and ARVIO_RETENTION_MONTHS (server/README.md lists them). */
export function numericSettings(env: NodeJS.ProcessEnv): NumericSettings {
  return {
    port: wholeNumber(env, 'PORT', 0, 65535, 8787),
    maxBodyBytes: wholeNumber(env, 'ARVIO_MAX_BODY_BYTES', 1024, 1024 ** 3, DEFAULT_MAX_BODY_BYTES),
    retentionMonths: wholeNumber(env, 'ARVIO_RETENTION_MONTHS', 0, 1200, 0),
  };
}
