import { describe, expect, it } from 'vitest';
import { LOCK_MS, OWNER_SESSION_MS, OwnerLock, hashPin, pinMatches, type StoredPin } from '../../electron/core/owner';

function setup() {
  let stored: StoredPin = { hash: null, failures: 0, lockedUntil: 0 };
  const clock = { mono: 0, wall: Date.parse('2026-11-23T10:00:00Z') };
  const lock = new OwnerLock({ read: () => stored, write: (pin) => (stored = pin) }, () => clock.mono, () => clock.wall);
  return { lock, clock, stored: () => stored };
}

describe('owner PIN', () => {
  it('keeps a salted scrypt hash, never the PIN; the same PIN hashes differently each time', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('2468');
    expect(a).not.toBe(b);
    expect(await pinMatches('2468', a)).toBe(true);
    expect(await pinMatches('2469', a)).toBe(false);
    expect(await pinMatches('2468', 'md5$nonsense')).toBe(false);
  });

  it('is set once; after that only the unlocked owner can change it', async () => {
    const { lock } = setup();
    expect(lock.view()).toMatchObject({ pinSet: false, unlocked: false });
    expect(await lock.setPin('1357')).toBe(true);
    expect(lock.view()).toMatchObject({ pinSet: true, unlocked: true });
    lock.lock();
    expect(await lock.setPin('0000')).toBe(false);
    expect(await lock.unlock('0000')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await lock.unlock('1357')).toEqual({ ok: true });
    expect(await lock.setPin('0000')).toBe(true);
  });

  it('five wrong PINs lock it for five minutes, even for the right PIN, and the lock outlives a restart', async () => {
    const { lock, clock, stored } = setup();
    await lock.setPin('1357');
    lock.lock();
    for (const left of [4, 3, 2, 1]) expect(await lock.unlock('9999')).toEqual({ ok: false, reason: 'wrong', triesLeft: left });
    expect(await lock.unlock('9999')).toEqual({ ok: false, reason: 'locked', lockedForMs: LOCK_MS });
    expect(await lock.unlock('1357')).toMatchObject({ ok: false, reason: 'locked' });
    expect(lock.view()).toMatchObject({ unlocked: false, triesLeft: 0, lockedForMs: LOCK_MS });

    const restarted = new OwnerLock({ read: stored, write: () => undefined }, () => 0, () => clock.wall + 60_000);
    expect(await restarted.unlock('1357')).toEqual({ ok: false, reason: 'locked', lockedForMs: LOCK_MS - 60_000 });

    clock.wall += LOCK_MS; // the calendar clock moving on does not end it: the lockout is timed on the monotonic clock
    expect(await lock.unlock('1357')).toMatchObject({ ok: false, reason: 'locked' });
    clock.mono += LOCK_MS;
    expect(await lock.unlock('1357')).toEqual({ ok: true });
    expect(stored()).toMatchObject({ failures: 0, lockedUntil: 0 });
  });

  it('a right PIN clears the wrong-try count', async () => {
    const { lock } = setup();
    await lock.setPin('1357');
    lock.lock();
    await lock.unlock('1111');
    await lock.unlock('1111');
    await lock.unlock('1357');
    lock.lock();
    expect(await lock.unlock('1111')).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 });
  });

  it('an unlock lasts five minutes from the owner\'s last guarded action, on the monotonic clock', async () => {
    const { lock, clock } = setup();
    await lock.setPin('1357');
    clock.mono += OWNER_SESSION_MS - 1;
    expect(lock.isUnlocked()).toBe(true);
    lock.touch();
    clock.mono += OWNER_SESSION_MS - 1;
    expect(lock.isUnlocked()).toBe(true);
    clock.wall += 24 * 3600_000; // the PC's calendar clock jumping changes nothing
    expect(lock.isUnlocked()).toBe(true);
    clock.mono += 2;
    expect(lock.isUnlocked()).toBe(false);
    lock.touch();
    expect(lock.isUnlocked()).toBe(false);
  });

  it('parallel guesses cannot outrun the count: of 1,000 sent together, five are judged and the rest are refused as locked', async () => {
    const { lock, stored } = setup();
    await lock.setPin('1357');
    lock.lock();
    const guesses = Array.from({ length: 1_000 }, (_, i) => String(i).padStart(4, '0')).map((pin) => (pin === '1357' ? '2222' : pin));
    guesses[500] = '1357'; // the right PIN, after the fifth wrong one
    const outcomes = await Promise.all(guesses.map((pin) => lock.unlock(pin)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(0);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'wrong')).toHaveLength(4);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'locked')).toHaveLength(996);
    expect(lock.isUnlocked()).toBe(false);
    expect(stored().lockedUntil).toBeGreaterThan(0);
  }, 30_000);

  it('counts a try on disk before the PIN is hashed', async () => {
    let stored: StoredPin = { hash: await hashPin('1357'), failures: 0, lockedUntil: 0 };
    const writes: StoredPin[] = [];
    const lock = new OwnerLock({ read: () => stored, write: (pin) => { writes.push(pin); stored = pin; } }, () => 0, () => 0);
    const pending = lock.unlock('9999');
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes[0]).toMatchObject({ failures: 1 }); // written while scrypt is still working
    expect(await pending).toMatchObject({ reason: 'wrong', triesLeft: 4 });
  });

  it('a lockout read after a restart with the clock set back lasts no longer than one lockout', async () => {
    const { lock, clock, stored } = setup();
    await lock.setPin('1357');
    lock.lock();
    for (let i = 0; i < 5; i += 1) await lock.unlock('9999');
    const mono = { now: 0 };
    // The PC's clock was corrected back by a day between the lockout and the restart.
    const restarted = new OwnerLock({ read: stored, write: () => undefined }, () => mono.now, () => clock.wall - 24 * 3600_000);
    expect(restarted.view().lockedForMs).toBe(LOCK_MS);
    mono.now += LOCK_MS;
    expect(restarted.view()).toMatchObject({ lockedForMs: 0 });
    expect(await restarted.unlock('1357')).toEqual({ ok: true });
  });

  it('a store that cannot write leaves no PIN set and the owner locked', async () => {
    let stored: StoredPin = { hash: null, failures: 0, lockedUntil: 0 };
    let readOnly = true;
    const lock = new OwnerLock({ read: () => stored, write: (pin) => { if (readOnly) throw Object.assign(new Error('EROFS'), { code: 'EROFS' }); stored = pin; } }, () => 0, () => 0);
    await expect(lock.setPin('1357')).rejects.toThrow('EROFS');
    expect(lock.view()).toMatchObject({ pinSet: false, unlocked: false });
    readOnly = false;
    expect(await lock.setPin('1357')).toBe(true);
    lock.lock();
    expect(await lock.unlock('1357')).toEqual({ ok: true });
  });
});
