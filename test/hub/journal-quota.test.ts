// One terminal's journal may cost the hub only so much: events a minute and bytes a shop day, answered
// 429 with Retry-After beyond that, nothing of the batch kept; the owner sees each counter's size against
// its quota, and a counter whose batches the hub keeps failing to store shows as stuck.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_STUCK, type PairAnswer } from '../../electron/contract/hub';
import type { JournalEvent } from '../../electron/contract/journal';
import { journalQuotaOf, type JournalQuota } from '../../electron/hub/journal/quota';
import { StoreError } from '../../electron/hub/store/errors';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { makeHub, testClock, type TestHub } from './hub-support';
import { cursor, DAY, ev, send, sendOk, summary } from './journal-support';

/** 15:30 IST on the test's day; the next IST midnight is 8.5 hours on. */
const AFTERNOON = Date.parse(`${DAY}T10:00:00Z`);
const TO_MIDNIGHT_S = 8.5 * 3_600;

const lines = (from: number, count: number, note = ''): JournalEvent[] => Array.from({ length: count }, (_, i) => ev(from + i, 'settings.changed', { fields: ['note'], note }));

describe.each(DRIVERS)('journal quotas on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let counter: PairAnswer;
  let owner: PairAnswer;
  let quota: Partial<JournalQuota> = {};
  const setQuota = (eventsPerMinute: number, bytesPerDay: number) => {
    quota = { eventsPerMinute, bytesPerDay };
  };
  const open = async (s: HubStore = store) => {
    hub = await makeHub(s, { testClock: testClock(AFTERNOON), journalQuota: quota });
    counter = await hub.pair('counter', 'Counter 1');
    owner = await hub.pair('owner', 'Owner');
  };
  beforeEach(() => {
    store = shared.store;
  });
  afterEach(async () => {
    quota = {};
    await hub.app.close();
  });

  const mine = async () => (await summary(hub, owner.credential)).counters.find((c) => c.terminalId === counter.terminalId);

  it('answers events over a terminal\'s minute with 429 and Retry-After, keeps none of that batch, and takes it once the minute is over', async () => {
    setQuota(10, 10_000_000);
    await open();
    expect(await sendOk(hub, counter.credential, { events: lines(1, 8) })).toMatchObject({ accepted: 8 });
    const refused = await hub.app.inject({ method: 'POST', url: '/v1/journal', headers: { authorization: `Bearer ${counter.credential}` }, payload: { events: lines(9, 3) } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('this minute') } });
    expect(Number(refused.headers['retry-after'])).toBe(60);
    expect(await cursor(hub, counter.credential)).toBe(8);
    // Another counter of the shop is not held back by this one.
    const other = await hub.pair('counter', 'Counter 2');
    expect(await sendOk(hub, other.credential, { events: lines(1, 10) })).toMatchObject({ accepted: 10 });

    hub.clock.advance(30_000);
    expect(Number((await hub.app.inject({ method: 'POST', url: '/v1/journal', headers: { authorization: `Bearer ${counter.credential}` }, payload: { events: lines(9, 3) } })).headers['retry-after'])).toBe(30);
    hub.clock.advance(30_000);
    expect(await sendOk(hub, counter.credential, { events: lines(9, 3) })).toMatchObject({ accepted: 3, lastId: 11 });
  });

  it('answers bytes over a terminal\'s shop day with 429 until midnight (IST), shows the owner its bytes against the quota, and takes more the next day', async () => {
    setQuota(100_000, 40_000);
    await open();
    const note = 'n'.repeat(9_000);
    expect((await mine())?.journal).toEqual({ bytes: 0, bytesQuota: null, stuckSince: null });
    let id = 1;
    let status = 200;
    let retryAfter: string | undefined;
    // A stolen credential sending large batches without end: the hub keeps no more than the quota.
    for (let tries = 0; tries < 20 && status === 200; tries += 1) {
      const res = await hub.app.inject({ method: 'POST', url: '/v1/journal', headers: { authorization: `Bearer ${counter.credential}` }, payload: { events: lines(id, 2, note) } });
      status = res.statusCode;
      retryAfter = res.headers['retry-after'] as string | undefined;
      if (status === 200) id += 2;
    }
    expect(status).toBe(429);
    expect(Number(retryAfter)).toBe(TO_MIDNIGHT_S);
    const journal = (await mine())?.journal;
    expect(journal?.bytesQuota).toBe(40_000);
    expect(journal?.bytes).toBeGreaterThan(30_000);
    expect(journal?.bytes).toBeLessThanOrEqual(40_000);
    expect(await cursor(hub, counter.credential)).toBe(id - 1);

    hub.clock.advance(TO_MIDNIGHT_S * 1_000);
    expect(await sendOk(hub, counter.credential, { events: lines(id, 2, note) })).toMatchObject({ accepted: 2 });
    const tomorrow = (await summary(hub, owner.credential, '2026-12-02')).counters.find((c) => c.terminalId === counter.terminalId);
    expect(tomorrow?.journal.bytes).toBeGreaterThan(18_000);
  });

  it('counts only what it keeps: a batch sent again costs no bytes', async () => {
    setQuota(100_000, 10_000_000);
    await open();
    const batch = { events: lines(1, 3, 'x'.repeat(1_000)) };
    await sendOk(hub, counter.credential, batch);
    const once = (await mine())?.journal.bytes ?? 0;
    expect(once).toBeGreaterThan(3_000);
    await sendOk(hub, counter.credential, batch);
    expect((await mine())?.journal.bytes).toBe(once);
  });

  it(`shows the owner a counter's journal as stuck once the hub failed to keep ${JOURNAL_STUCK.failures} of its batches in a row, and no longer once one is kept`, async () => {
    let failing = true;
    const flaky: HubStore = {
      ...shared.store,
      recordJournal: (...args) => (failing ? Promise.reject(new StoreError('query: the database refused it')) : shared.store.recordJournal(...args)),
    };
    await open(flaky);
    const startedAt = hub.clock.now;
    for (let i = 1; i < JOURNAL_STUCK.failures; i += 1) {
      expect((await send(hub, counter.credential, { events: lines(1, 1) })).status).toBe(503);
      hub.clock.advance(1_000);
    }
    expect((await mine())?.journal.stuckSince).toBeNull();
    expect((await send(hub, counter.credential, { events: lines(1, 1) })).status).toBe(503);
    expect((await mine())?.journal.stuckSince).toBe(new Date(startedAt).toISOString());

    failing = false;
    await sendOk(hub, counter.credential, { events: lines(1, 1) });
    expect((await mine())?.journal.stuckSince).toBeNull();
  });

  it(`shows it stuck after ${JOURNAL_STUCK.afterMs / 60_000} minutes of failures, however few`, async () => {
    const flaky: HubStore = { ...shared.store, recordJournal: () => Promise.reject(new StoreError('query: the database refused it')) };
    await open(flaky);
    const startedAt = hub.clock.now;
    expect((await send(hub, counter.credential, { events: lines(1, 1) })).status).toBe(503);
    hub.clock.advance(JOURNAL_STUCK.afterMs);
    expect((await send(hub, counter.credential, { events: lines(1, 1) })).status).toBe(503);
    expect((await mine())?.journal.stuckSince).toBe(new Date(startedAt).toISOString());
  });
});

describe('the journal quota as the command line is given it', () => {
  it('takes each setting left empty at its default, and stops the start on anything but a whole number above 0', () => {
    expect(journalQuotaOf({ eventsPerMinute: null, bytesPerDay: '' })).toEqual({ eventsPerMinute: 5_000, bytesPerDay: 64 * 1024 * 1024 });
    expect(journalQuotaOf({ eventsPerMinute: '120', bytesPerDay: '1000000' })).toEqual({ eventsPerMinute: 120, bytesPerDay: 1_000_000 });
    for (const bad of ['0', '-5', '1.5', 'lots', '1e400']) {
      expect(() => journalQuotaOf({ eventsPerMinute: bad, bytesPerDay: null }), bad).toThrow(/HUB_JOURNAL_EVENTS_PER_MINUTE must be a whole number above 0/);
    }
    expect(() => journalQuotaOf({ eventsPerMinute: null, bytesPerDay: 'x' })).toThrow(/HUB_JOURNAL_BYTES_PER_DAY/);
  });
});
