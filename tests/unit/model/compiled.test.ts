// @vitest-environment node
import { expect, it } from 'vitest';
import { compileValidators } from '../../../scripts/validators';

// A schema changed without `npm run validators` (which runs this file with -u) fails here.
it('the compiled validators are the ones the zod schemas give today', async () => {
  await expect(await compileValidators()).toMatchFileSnapshot('../../../lib/model/compiled/validators.js');
});
