// Types of scripts/system-deps.mjs for the tests that need a program from the OS.
export function chromiumPath(): string | null;
export function ensureChromium(): string;
export function firefoxPath(): string | null;
export function ensureFirefox(): string;
export function postgresBinDir(): string | null;
export function ensurePostgres(): string;
export function sofficePath(): string | null;
export function ensureLibreOffice(): string;
