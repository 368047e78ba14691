// The server's numeric settings: defaults when unset, a typo stops the start with the setting's name.
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { numericSettings } from '../src/env';

describe('numericSettings', () => {
  it('takes the defaults when unset or empty, and whole numbers as given', () => {
    expect(numericSettings({})).toEqual({ port: 8787, maxBodyBytes: 1048576, retentionMonths: 0 });
    expect(numericSettings({ PORT: '', ARVIO_MAX_BODY_BYTES: ' ', ARVIO_RETENTION_MONTHS: '' })).toEqual({ port: 8787, maxBodyBytes: 1048576, retentionMonths: 0 });
    expect(numericSettings({ PORT: '0', ARVIO_MAX_BODY_BYTES: '2097152', ARVIO_RETENTION_MONTHS: ' 24 ' })).toEqual({ port: 0, maxBodyBytes: 2097152, retentionMonths: 24 });
  });

  it.each([
    ['ARVIO_MAX_BODY_BYTES', '1MB'],
    ['ARVIO_MAX_BODY_BYTES', '10'],
    ['PORT', '80a'],
    ['PORT', '70000'],
    ['ARVIO_RETENTION_MONTHS', '1.5'],
    ['ARVIO_RETENTION_MONTHS', '-1'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => numericSettings({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number from \\d+ to \\d+, not "${value.replace('.', '\\.')}"$`));
  });
});
