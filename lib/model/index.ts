// The types of everything stored, synced, imported and messaged: zod schemas first.
export * from './team';
export * from './ticket';
export * from './scorecard';
export * from './review';
export * from './calibration';
export * from './coaching';
export * from './dispute';
export * from './idea';
export * from './settings';
export * from './messages';
export * from './sync';
export * from './kinds';
export * from './admin';
export * from './teamSettings';
