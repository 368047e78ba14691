// The user's own settings, stored locally.
import { z } from 'zod';

export const languagePreferenceSchema = z.enum(['auto', 'fi', 'en']);

/** The agents' pre-send self-check: which automatic checks run, the team's own phrases, the language. */
export const selfCheckSettingsSchema = z.object({
  disabled: z.array(z.string().max(40)).max(20),
  blamePhrases: z.object({ fi: z.array(z.string().min(1).max(200)).max(200), en: z.array(z.string().min(1).max(200)).max(200) }),
  language: languagePreferenceSchema,
});
export type SelfCheckSettings = z.infer<typeof selfCheckSettingsSchema>;

export const defaultSelfCheckSettings: SelfCheckSettings = { disabled: [], blamePhrases: { fi: [], en: [] }, language: 'auto' };

/** The reviewer's own name and e-mail (empty until set; a team backend's roster supplies them instead). */
export const identitySchema = z.object({
  name: z.string().max(200),
  email: z.union([z.literal(''), z.email().max(300)]),
});
export type Identity = z.infer<typeof identitySchema>;

export const settingsSchema = z.object({
  language: languagePreferenceSchema,
  identity: identitySchema,
  // Added after the first release: older stored settings get the defaults.
  selfCheck: selfCheckSettingsSchema.default(defaultSelfCheckSettings),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'auto',
  identity: { name: '', email: '' },
  selfCheck: defaultSelfCheckSettings,
};
