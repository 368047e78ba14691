// The tests name what they look for in the page's language: both dictionaries, loaded once per test file
// (a page loads its own language's, lib/i18n loadLanguage).
import { loadLanguage } from '@/lib/i18n';

await Promise.all([loadLanguage('en'), loadLanguage('fi')]);
