// The user's own settings, stored locally.
import { z } from 'zod';

export const languagePreferenceSchema = z.enum(['auto', 'fi', 'en']);

export const settingsSchema = z.object({
  language: languagePreferenceSchema,
  identity: z.object({
    name: z.string().max(200),
    email: z.union([z.literal(''), z.email().max(300)]),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { language: 'auto', identity: { name: '', email: '' } };
