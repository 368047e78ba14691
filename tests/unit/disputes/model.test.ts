// Disputes: the reviewed agent questions a review; the reviewer or a lead answers per criterion.
import { describe, expect, it } from 'vitest';
import { disputeId, disputeSchema, type Dispute } from '@/lib/model';
import { dispute } from '../../../server/tests/helpers/docs';
import { refusedFields } from '../model/refusals';

const AGENT = 'agent1@arvio.test';
const REVIEWER = 'rev1@arvio.test';
const open = (over: Partial<Dispute> = {}) => dispute('r-1', AGENT, REVIEWER, over);
const twoItems = open({
  items: [
    { criterionId: 'greet', reason: 'I greeted', proposed: { value: 1, na: false } },
    { criterionId: 'close', reason: 'Closed politely', proposed: null },
  ],
});
const by = { id: REVIEWER, name: 'rev1' };
const at = '2026-03-04T10:00:00.000Z';

describe('a dispute', () => {
  it('an agent disputes one criterion with a reason and a proposed rating; its id is the agent’s and the review’s', () => {
    expect(open().id).toBe(disputeId(AGENT, 'r-1'));
    expect(refusedFields(disputeSchema, open())).toEqual([]);
  });

  it('an agent says the review is not about them', () => {
    expect(refusedFields(disputeSchema, open({ wrongAgent: true, items: [], reason: 'That was Mikko’s chat' }))).toEqual([]);
  });

  it('the reviewer accepts one criterion with a new rating and rejects the other: partially accepted', () => {
    const resolved = {
      ...twoItems,
      status: 'partially' as const,
      resolution: {
        by,
        at,
        comment: '',
        rightAgent: null,
        items: [
          { outcome: 'accepted' as const, criterionId: 'greet', value: 1, na: false, reason: '' },
          { outcome: 'rejected' as const, criterionId: 'close', reason: 'No closing question' },
        ],
      },
    };
    expect(refusedFields(disputeSchema, resolved)).toEqual([]);
  });

  it('an accepted wrong-agent dispute names the right agent', () => {
    const moved = open({
      wrongAgent: true,
      items: [],
      reason: 'Not mine',
      status: 'accepted',
      resolution: { by, at, items: [], comment: '', rightAgent: { id: 'agent2@arvio.test', name: 'agent2' } },
    });
    expect(refusedFields(disputeSchema, moved)).toEqual([]);
    expect(refusedFields(disputeSchema, { ...moved, resolution: { ...moved.resolution!, rightAgent: null } })).toContain('resolution.rightAgent');
  });

  const resolution = (items: unknown[]) => ({ by, at, comment: '', rightAgent: null, items });
  it.each<[string, object, string]>([
    ['an id of another agent', { id: disputeId('agent2@arvio.test', 'r-1') }, 'id'],
    ['a whole-review dispute without a reason', { items: [] }, 'reason'],
    ['a criterion disputed twice', { items: [open().items[0], open().items[0]] }, 'items.1'],
    ['a disputed criterion without a reason', { items: [{ criterionId: 'greet', reason: '', proposed: null }] }, 'items.0.reason'],
    ['a wrong-agent dispute of single criteria', { wrongAgent: true }, 'items'],
    ['an open dispute with a resolution', { resolution: resolution([{ outcome: 'rejected', criterionId: 'greet', reason: 'no' }]) }, 'resolution'],
    ['a rejected dispute without a resolution', { status: 'rejected' }, 'resolution'],
    ['a disputed criterion left unanswered', { status: 'rejected', resolution: resolution([]) }, 'resolution.items'],
    ['an answer to a criterion not disputed', { status: 'rejected', resolution: resolution([{ outcome: 'rejected', criterionId: 'greet', reason: 'no' }, { outcome: 'rejected', criterionId: 'tone', reason: 'no' }]) }, 'resolution.items.1.criterionId'],
    ['a rejection without a reason', { status: 'rejected', resolution: resolution([{ outcome: 'rejected', criterionId: 'greet', reason: '' }]) }, 'resolution.items.0.reason'],
    ['a status that does not follow the answers', { status: 'rejected', resolution: resolution([{ outcome: 'accepted', criterionId: 'greet', value: 1, na: false, reason: '' }]) }, 'status'],
    ['an agent who is not an e-mail', { agent: { id: 'Aino', name: 'Aino' } }, 'agent.id'],
  ])('refuses %s, naming the field', (_label, over, path) => {
    expect(refusedFields(disputeSchema, open(over as Partial<Dispute>))).toContain(path);
  });
});
