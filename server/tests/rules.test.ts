// The read rules the roster tells every client (READ_RULES): a client whose documents were pulled under
// other rules pulls everything again and lets go of what it may no longer read. Pinned here, so that a
// change to who reads what cannot land without READ_RULES being raised with it.
import { describe, expect, it } from 'vitest';
import { kindNames, kindOf, type KindName } from '../../lib/model';
import { READ_RULES } from '../src/access';

/**
 * Each kind's read grants and what they lean on (its parent; whether it opens, and names an audience),
 * as READ_RULES '4' applies them ('2': the `used` grant on scorecards and coaching forms; '3': its team rows,
 * server/src/uses.ts; '4': a coach's notes hidden from the person they are about, whatever their role).
 * What `opens` and `audience` compute is code: a change to it raises READ_RULES too (server/src/access.ts says when).
 */
const PINNED: Record<KindName, unknown> = {
  reviews: { read: { lead: ['mine', 'aboutMe', 'team'], reviewer: ['mine', 'aboutMe', 'team'], agent: ['aboutMe'] } },
  scorecards: { read: { lead: ['team', 'org', 'used'], reviewer: ['team', 'org', 'used'], agent: ['team', 'org', 'used'] }, orgWide: true },
  selfChecks: { read: { lead: ['mine', 'team'], reviewer: ['mine'], agent: ['mine'] } },
  calibrationSessions: { read: { lead: ['mine', 'team'], reviewer: ['mine', 'team'], agent: [] }, opens: true, audience: true },
  calibrationRatings: { read: { lead: ['mine', 'opened'], reviewer: ['mine', 'named'], agent: ['mine'] }, parent: 'calibrationSessions' },
  coachingForms: { read: { lead: ['team', 'org', 'used'], reviewer: ['team', 'org', 'used'], agent: ['team', 'org', 'used'] }, orgWide: true },
  coachingSessions: { read: { lead: ['mine', 'team'], reviewer: ['team'], agent: ['aboutMe'] }, opens: true, audience: true },
  coachingActions: { read: { lead: ['mine', 'team'], reviewer: [], agent: ['named'] }, parent: 'coachingSessions' },
  coachingNotes: { read: { lead: ['mine', 'team'], reviewer: [], agent: [] }, parent: 'coachingSessions', hiddenFromSubject: true },
  disputes: { read: { lead: ['mine', 'aboutMe', 'team'], reviewer: ['mine', 'aboutMe'], agent: ['mine'] }, parent: 'reviews' },
  ideas: { read: { lead: ['mine', 'team'], reviewer: ['mine', 'opened'], agent: ['mine', 'opened'] }, opens: true },
  teamSettings: { read: { lead: ['team'], reviewer: ['team'], agent: ['team'] } },
};

describe('the read rules the server tells its clients', () => {
  it('are the pinned ones: a change to them raises READ_RULES (server/src/access.ts) and pins them anew here; a new kind is pinned as it is', () => {
    const now = Object.fromEntries(
      kindNames.map((kind) => {
        const { read, orgWide, parent, opens, audience, hiddenFromSubject } = kindOf(kind);
        return [
          kind,
          { read, ...(orgWide ? { orgWide } : {}), ...(parent ? { parent: parent.kind } : {}), ...(opens ? { opens: true } : {}), ...(audience ? { audience: true } : {}), ...(hiddenFromSubject ? { hiddenFromSubject } : {}) },
        ];
      }),
    );
    expect({ rules: READ_RULES, kinds: now }).toEqual({ rules: '4', kinds: PINNED });
  });
});
