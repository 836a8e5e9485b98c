import { describe, expect, it, vi } from 'vitest';
import { CUSTOMER_CHANNELS, type CustomerView } from '../../electron/contract/customer';
import type { SaleView, SettingsView } from '../../electron/contract/views';
import type { EventName } from '../../electron/contract/operations';
import {
  chooseCustomerDisplay,
  createCustomerDisplay,
  startCustomerDisplay,
  type CustomerWindowPort,
  type Placement,
  type ScreenInfo,
  type ScreensPort,
} from '../../electron/main/customer-window';
import type { IpcRendererLike } from '../../electron/preload/api';
import { buildCustomerApi } from '../../electron/preload/customer-api';
import { DEFAULT_HOLD_MS, customerQrLayout, holdFromQuery } from '../../renderer/src/customer/layout';
import { announcementDue, formatTimeLeft } from '../../renderer/src/hooks/useTimeLeft';
import { phaseOf, holdKey } from '../../renderer/src/customer/phase';
import { CUSTOMER_STRINGS } from '../../renderer/src/customer/strings';

const laptop: ScreenInfo = { id: '1', label: 'Built-in (1920×1080)', primary: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const monitor: ScreenInfo = { id: '2', label: 'DELL P2419H (1920×1080)', primary: false, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
const third: ScreenInfo = { id: '3', label: 'Display 3 (1280×800)', primary: false, bounds: { x: 3840, y: 0, width: 1280, height: 800 } };

describe('chooseCustomerDisplay', () => {
  it('off chooses nothing, even with a second monitor', () => {
    expect(chooseCustomerDisplay('off', [laptop, monitor])).toBeNull();
  });

  it('auto chooses the first monitor that is not the primary, and nothing on one screen', () => {
    expect(chooseCustomerDisplay('auto', [laptop, monitor, third])).toBe(monitor);
    expect(chooseCustomerDisplay('auto', [monitor, laptop])).toBe(monitor);
    expect(chooseCustomerDisplay('auto', [laptop])).toBeNull();
    expect(chooseCustomerDisplay('auto', [])).toBeNull();
  });

  it('a named monitor is chosen while it is connected', () => {
    expect(chooseCustomerDisplay('display:3', [laptop, monitor, third])).toBe(third);
    expect(chooseCustomerDisplay('display:2', [laptop, monitor])).toBe(monitor);
  });

  it('refuses the primary monitor, which the cashier works on', () => {
    expect(chooseCustomerDisplay('display:1', [laptop, monitor])).toBeNull();
  });

  it('chooses nothing for a named monitor that is unplugged, or a malformed choice', () => {
    expect(chooseCustomerDisplay('display:2', [laptop])).toBeNull();
    expect(chooseCustomerDisplay('display:', [laptop, monitor])).toBeNull();
    expect(chooseCustomerDisplay('display:2x', [laptop, monitor])).toBeNull();
    expect(chooseCustomerDisplay('2', [laptop, monitor])).toBeNull();
    expect(chooseCustomerDisplay('', [laptop, monitor])).toBeNull();
  });
});

/** Monitors the test plugs and unplugs. */
function fakeScreens(initial: ScreenInfo[]) {
  let screens = [...initial];
  const listeners = new Set<() => void>();
  const port: ScreensPort = {
    list: () => screens,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    port,
    listeners,
    set(next: ScreenInfo[]) {
      screens = [...next];
      for (const listener of listeners) listener();
    },
  };
}

interface FakeWindow extends CustomerWindowPort {
  placements: Placement[];
  focused: number;
  closed: boolean;
  /** The person closes the window by hand. */
  userCloses(): void;
}

/** Customer windows as the test sees them: where each was placed, focused, closed. */
function fakeWindows() {
  const opened: FakeWindow[] = [];
  const openWindow = vi.fn((placement: Placement): CustomerWindowPort => {
    const closedListeners: Array<() => void> = [];
    const fire = () => {
      if (win.closed) return;
      win.closed = true;
      for (const listener of closedListeners) listener();
    };
    const win: FakeWindow = {
      placements: [placement],
      focused: 0,
      closed: false,
      place: (next) => void win.placements.push(next),
      focus: () => void (win.focused += 1),
      close: fire,
      onClosed: (listener) => void closedListeners.push(listener),
      userCloses: fire,
    };
    opened.push(win);
    return win;
  });
  return { opened, openWindow };
}

const openNow = (windows: FakeWindow[]) => windows.filter((w) => !w.closed);

describe('createCustomerDisplay', () => {
  it('opens nothing when the choice is off, and nothing on one screen for auto', () => {
    const screens = fakeScreens([laptop, monitor]);
    const { opened, openWindow } = fakeWindows();
    createCustomerDisplay({ screens: screens.port, openWindow, choice: 'off' });
    expect(opened).toHaveLength(0);
    const single = fakeScreens([laptop]);
    createCustomerDisplay({ screens: single.port, openWindow, choice: 'auto' });
    expect(opened).toHaveLength(0);
  });

  it('opens full screen on the second monitor at start when it is connected', () => {
    const screens = fakeScreens([laptop, monitor]);
    const { opened, openWindow } = fakeWindows();
    createCustomerDisplay({ screens: screens.port, openWindow, choice: 'auto' });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.placements).toEqual([{ kind: 'fullscreen', displayId: '2', bounds: monitor.bounds }]);
  });

  it('opens full screen when the monitor is plugged in, and closes when it is unplugged', () => {
    const screens = fakeScreens([laptop]);
    const { opened, openWindow } = fakeWindows();
    createCustomerDisplay({ screens: screens.port, openWindow, choice: 'auto' });
    expect(opened).toHaveLength(0);
    screens.set([laptop, monitor]);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.placements[0]).toEqual({ kind: 'fullscreen', displayId: '2', bounds: monitor.bounds });
    screens.set([laptop]);
    expect(opened[0]!.closed).toBe(true);
    // Plugged in again: a fresh window, full screen again.
    screens.set([laptop, monitor]);
    expect(opened).toHaveLength(2);
    expect(openNow(opened)).toHaveLength(1);
  });

  it('moves the window (one window, not a second) when its monitor changes place or the choice names another', () => {
    const screens = fakeScreens([laptop, monitor, third]);
    const { opened, openWindow } = fakeWindows();
    const display = createCustomerDisplay({ screens: screens.port, openWindow, choice: 'display:2' });
    const moved = { ...monitor, bounds: { x: -1920, y: 0, width: 2560, height: 1440 } };
    screens.set([laptop, moved, third]);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.placements.at(-1)).toEqual({ kind: 'fullscreen', displayId: '2', bounds: moved.bounds });
    display.setChoice('display:3');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.placements.at(-1)).toEqual({ kind: 'fullscreen', displayId: '3', bounds: third.bounds });
    // A change that leaves the placement as it is does not move the window again.
    const count = opened[0]!.placements.length;
    screens.set([laptop, moved, third]);
    expect(opened[0]!.placements).toHaveLength(count);
  });

  it('closes the full-screen window when the choice turns off', () => {
    const screens = fakeScreens([laptop, monitor]);
    const { opened, openWindow } = fakeWindows();
    const display = createCustomerDisplay({ screens: screens.port, openWindow, choice: 'auto' });
    display.setChoice('off');
    expect(opened[0]!.closed).toBe(true);
  });

  it('open() without a second monitor opens an ordinary window, which stays when monitors change', () => {
    const screens = fakeScreens([laptop]);
    const { opened, openWindow } = fakeWindows();
    const display = createCustomerDisplay({ screens: screens.port, openWindow, choice: 'off' });
    expect(display.open()).toEqual({ placement: 'window', displayId: null, path: null });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.placements).toEqual([{ kind: 'window' }]);
    screens.set([laptop]);
    display.setChoice('display:9');
    expect(opened[0]!.closed).toBe(false);
  });

  it('open() again focuses the window that is open instead of opening another', () => {
    const screens = fakeScreens([laptop]);
    const { opened, openWindow } = fakeWindows();
    const display = createCustomerDisplay({ screens: screens.port, openWindow });
    display.open();
    display.open();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.focused).toBe(1);
    // Closed by hand, the next open() makes a new one.
    opened[0]!.userCloses();
    display.open();
    expect(opened).toHaveLength(2);
  });

  it('open() with a second monitor chosen reports full screen there and does not take focus from the cashier', () => {
    const screens = fakeScreens([laptop, monitor]);
    const { opened, openWindow } = fakeWindows();
    const display = createCustomerDisplay({ screens: screens.port, openWindow, choice: 'auto' });
    expect(display.open()).toEqual({ placement: 'fullscreen', displayId: '2', path: null });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.focused).toBe(0);
  });

  it('a window opened by hand moves full screen when the monitor appears', () => {
    const screens = fakeScreens([laptop]);
    const { opened, openWindow } = fakeWindows();
    const display = createCustomerDisplay({ screens: screens.port, openWindow, choice: 'auto' });
    display.open();
    screens.set([laptop, monitor]);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.placements.at(-1)).toEqual({ kind: 'fullscreen', displayId: '2', bounds: monitor.bounds });
  });

  it('dispose() closes the window and stops following the monitors', () => {
    const screens = fakeScreens([laptop, monitor]);
    const { opened, openWindow } = fakeWindows();
    const display = createCustomerDisplay({ screens: screens.port, openWindow, choice: 'auto' });
    display.dispose();
    expect(opened[0]!.closed).toBe(true);
    expect(screens.listeners.size).toBe(0);
    screens.set([laptop, monitor]);
    expect(opened).toHaveLength(1);
  });
});

function fakeServices(customerDisplay: string | null) {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  return {
    listeners,
    services: {
      handle: vi.fn(async (operation: string) => {
        if (operation !== 'settings.get') throw new Error(`unexpected ${operation}`);
        return customerDisplay === null ? { ok: false as const, error: { code: 'internal', message: 'no' } } : { ok: true as const, value: { customerDisplay } as SettingsView };
      }),
      subscribe(listener: (event: EventName, payload: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    emit(event: EventName, payload: unknown) {
      for (const listener of listeners) listener(event, payload);
    },
  };
}

describe('startCustomerDisplay', () => {
  it('starts on the saved choice and follows settings.changed', async () => {
    const screens = fakeScreens([laptop, monitor, third]);
    const { opened, openWindow } = fakeWindows();
    const fake = fakeServices('display:3');
    const display = await startCustomerDisplay({ services: fake.services as never, screens: screens.port, openWindow });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.placements[0]).toMatchObject({ kind: 'fullscreen', displayId: '3' });
    fake.emit('settings.changed', { customerDisplay: 'display:2' });
    expect(opened[0]!.placements.at(-1)).toMatchObject({ kind: 'fullscreen', displayId: '2' });
    fake.emit('sale.changed', null);
    expect(opened).toHaveLength(1);
    fake.emit('settings.changed', { customerDisplay: 'off' });
    expect(opened[0]!.closed).toBe(true);
    display.dispose();
    expect(fake.listeners.size).toBe(0);
    fake.emit('settings.changed', { customerDisplay: 'auto' });
    expect(opened).toHaveLength(1);
  });

  it('starts off when the settings cannot be read', async () => {
    const screens = fakeScreens([laptop, monitor]);
    const { opened, openWindow } = fakeWindows();
    await startCustomerDisplay({ services: fakeServices(null).services as never, screens: screens.port, openWindow });
    expect(opened).toHaveLength(0);
  });
});

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike & { emit(channel: string, payload: unknown): void; channels(): string[] } = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.get(channel)?.delete(listener)),
    emit: (channel, payload) => listeners.get(channel)?.forEach((l) => l({ sender: 'electron-event' }, payload)),
    channels: () => [...listeners.keys()],
  };
  return ipc;
}

describe('window.customer (buildCustomerApi)', () => {
  it('exposes exactly view and onChange, frozen', () => {
    const api = buildCustomerApi(fakeIpc());
    expect(Object.keys(api).sort()).toEqual(['onChange', 'view']);
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('uses only customer:* channels, and view() sends no input', async () => {
    const ipc = fakeIpc();
    const api = buildCustomerApi(ipc);
    const result = await api.view();
    expect(result).toEqual({ ok: true, value: { channel: CUSTOMER_CHANNELS.view, args: [] } });
    const off = api.onChange(() => undefined);
    const used = [...vi.mocked(ipc.invoke).mock.calls.map((c) => c[0]), ...vi.mocked(ipc.on).mock.calls.map((c) => c[0])];
    expect(used.length).toBeGreaterThan(0);
    for (const channel of used) expect(channel).toMatch(/^customer:/);
    expect(used.some((c) => c.startsWith('pos:'))).toBe(false);
    off();
    for (const channel of vi.mocked(ipc.removeListener).mock.calls.map((c) => c[0])) expect(channel).toMatch(/^customer:/);
  });

  it('listeners get the view without the Electron event, and unsubscribe works', () => {
    const ipc = fakeIpc();
    const api = buildCustomerApi(ipc);
    const seen: unknown[] = [];
    const off = api.onChange((view) => seen.push(view));
    ipc.emit(CUSTOMER_CHANNELS.changed, { shopName: 'A' });
    off();
    ipc.emit(CUSTOMER_CHANNELS.changed, { shopName: 'B' });
    expect(seen).toEqual([{ shopName: 'A' }]);
  });
});

const sale = (state: SaleView['state'], withQr = true): SaleView => ({
  saleId: 's_1',
  state,
  amountPaise: 125_000,
  requestedAt: '2026-11-23T10:00:00.000Z',
  paidAfterCancel: false,
  confirmedBy: null,
  payment: null,
  reported: null,
  qr: withQr
    ? { intent: 'upi://pay?pa=a@b&am=1250.00&cu=INR', payeeName: 'Shop', payeeVpa: 'a@b', txnRef: 't', qrId: 'q', remainingMs: 300_000, ttlMs: 300_000, expiryStated: true, expiresAt: null }
    : null,
  reference: null,
  utr: null,
  paidAt: null,
  paidAfterExpiry: false,
  error: null,
});
const viewWith = (s: SaleView | null): CustomerView => ({ sale: s, shopName: 'Shop', language: 'en', theme: 'light', training: true });

describe('the customer page: what it shows for a view', () => {
  it('shows a QR only for a showing sale that has one', () => {
    expect(phaseOf(viewWith(sale('showing'))).kind).toBe('showing');
    expect(phaseOf(viewWith(sale('showing', false))).kind).toBe('creating');
    expect(phaseOf(viewWith(sale('creating', false))).kind).toBe('creating');
  });

  it('a failed, cancelled or unresolved sale goes straight to the welcome', () => {
    for (const state of ['failed', 'cancelled', 'unresolved'] as const) expect(phaseOf(viewWith(sale(state)), null)).toEqual({ kind: 'idle' });
    expect(phaseOf(viewWith(null), null)).toEqual({ kind: 'idle' });
    expect(phaseOf(null, null)).toEqual({ kind: 'idle' });
  });

  it('paid and expired hold until dismissed; paid after a dismissed expiry still shows', () => {
    const expired = sale('expired');
    expect(phaseOf(viewWith(expired), null).kind).toBe('expired');
    expect(phaseOf(viewWith(expired), holdKey(expired)).kind).toBe('idle');
    expect(phaseOf(viewWith(sale('paid')), holdKey(expired)).kind).toBe('paid');
    expect(phaseOf(viewWith(sale('paid')), holdKey(sale('paid'))).kind).toBe('idle');
  });

  it('the hold is 8 s; ?hold= can only shorten it', () => {
    expect(DEFAULT_HOLD_MS).toBe(8000);
    expect(holdFromQuery('')).toBe(8000);
    expect(holdFromQuery('?hold=500')).toBe(500);
    expect(holdFromQuery('?hold=0')).toBe(0);
    expect(holdFromQuery('?hold=600000')).toBe(8000);
    expect(holdFromQuery('?hold=-5')).toBe(8000);
    expect(holdFromQuery('?hold=1e9')).toBe(8000);
    expect(holdFromQuery('?hold=abc')).toBe(8000);
  });

  it('the QR is at least 60% of the height on common customer monitors, beside the amount on wide ones', () => {
    for (const [width, height] of [[1920, 1080], [1366, 768], [1280, 800], [1024, 768], [1280, 1024], [800, 1280]] as const) {
      for (const modules of [37, 45, 53, 61]) {
        const { px, sideBySide } = customerQrLayout(modules, { width, height });
        expect(px % modules, `${width}x${height}/${modules}`).toBe(0);
        // An upright screen narrower than 60% of its height gets a QR as wide as it allows.
        expect(px, `${width}x${height}/${modules}`).toBeGreaterThanOrEqual(Math.min(0.6 * height, width - 32 - modules));
        expect(px, `${width}x${height}/${modules}`).toBeLessThanOrEqual(width);
        if (width >= 1280 && width > height) expect(sideBySide).toBe(true);
      }
    }
    expect(customerQrLayout(53, { width: 800, height: 1280 }).sideBySide).toBe(false);
  });

  it('counts time left rounded up and announces only at one minute and ten seconds', () => {
    expect(formatTimeLeft(299_001)).toBe('5:00');
    expect(formatTimeLeft(9_000)).toBe('0:09');
    expect(formatTimeLeft(-5)).toBe('0:00');
    expect(announcementDue(61, 60)).toBe('minute');
    expect(announcementDue(11, 10)).toBe('ten');
    expect(announcementDue(59, 58)).toBeNull();
    expect(announcementDue(1, 0)).toBeNull();
  });

  it('English and Hindi tables have the same keys and no empty strings', () => {
    const { en, hi } = CUSTOMER_STRINGS;
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
    for (const table of [en, hi]) {
      for (const [key, value] of Object.entries(table)) {
        const text = typeof value === 'function' ? (value as (a: string, b: string) => string)('₹1.00', 'X') : value;
        expect(text.trim(), key).not.toBe('');
      }
    }
    expect(hi.paid).not.toBe(en.paid);
    expect(en.qrLabel('₹1,250.00', 'Shop')).toBe('UPI QR code for ₹1,250.00 to Shop');
  });
});
