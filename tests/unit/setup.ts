// Every unit test gets an in-memory IndexedDB and a clean fake browser.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// findBy…/waitFor wait for a condition; on a shared two-core machine an IndexedDB round trip can take
// seconds, so the wait is long (a passing test returns as soon as the condition holds).
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
});
