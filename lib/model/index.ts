// The types of everything stored, synced, imported and messaged: zod schemas first.
export * from './ticket';
export * from './scorecard';
export * from './review';
export * from './settings';
export * from './messages';
export * from './sync';
export * from './kinds';
