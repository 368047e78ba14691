// The invite link an admin hands over carries the backend address and the one-time code; pasted back, both come out.
import { describe, expect, it } from 'vitest';
import { inviteLink, parseInviteLink } from '@/lib/sync';

const code = 'arvinv_AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('invite links', () => {
  it.each([
    ['https://arvio.example.com', 'https://arvio.example.com'],
    ['https://example.com/arvio/', 'https://example.com/arvio'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ])('round-trips the backend %s', (backend, url) => {
    expect(parseInviteLink(`  ${inviteLink(backend, code)} `)).toEqual({ url, code });
  });

  it.each([
    ['a token, not an invite', 'arv_abcdefghijklmnopqrstuvwxyz'],
    ['no code', 'https://arvio.example.com/invite#'],
    ['a code of another shape', 'https://arvio.example.com/invite#hello'],
    ['plain http to another machine', `http://arvio.example.com/invite#${code}`],
    ['credentials in the address', `https://me:pw@arvio.example.com/invite#${code}`],
  ])('refuses %s', (_, text) => {
    expect(parseInviteLink(text)).toBeNull();
  });
});
