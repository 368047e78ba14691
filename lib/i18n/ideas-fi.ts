// Ideoiden ja esteiden suomenkieliset tekstit.
import type { ideasEn } from './ideas-en';

export const ideasFi: Record<keyof typeof ideasEn, string> = {};
