// Self-checks: written only by the agent they belong to.
import type { WriteRule } from './rule';

export const selfChecksRule: WriteRule<'selfChecks'> = ({ me, next, current }) =>
  next.owner === me && (current === null || current.owner === me)
    ? null
    : 'self-checks are written only by the agent they belong to (agent.id must be your e-mail)';
