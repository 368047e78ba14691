// The file formats Arvio writes and reads, pure (the team backend writes the same ones): CSV cells and
// dialects, the review and rating columns, the `arvio.export` envelope, redaction, scorecard files, and
// the calibration, dispute and idea CSVs. Streaming them out of and into the profile is lib/transfer.
export * from './csv';
export * from './columns';
export * from './envelope';
export * from './redact';
export * from './importError';
export * from './scorecards';
export * from './calibration';
export * from './disputes';
export * from './ideas';
