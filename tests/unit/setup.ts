// Every unit test gets an in-memory IndexedDB and a clean fake browser.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Calendar periods are counted in the browser's time zone (lib/model/time.ts): tests count them in UTC
// wherever they run, and those about a zone set their own.
process.env.TZ = 'UTC';

// findBy…/waitFor wait for a condition; on a shared two-core machine an IndexedDB round trip can take
// seconds, so the wait is long (a passing test returns as soon as the condition holds).
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
});
