import type { CustomerDisplayStatus } from '../contract/customer';
import type { DisplayView, SettingsView } from '../contract/views';
import type { CounterServices } from '../core/services';

/** Plain copies of what Electron's `screen` and `BrowserWindow` offer, so the choice and its effects are tested with fakes. */

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenInfo extends DisplayView {
  bounds: Bounds;
}

export interface ScreensPort {
  list(): ScreenInfo[];
  /** Monitors plugged in, unplugged or rearranged. */
  onChange(listener: () => void): () => void;
}

export type Placement = { kind: 'fullscreen'; displayId: string; bounds: Bounds } | { kind: 'window' };

export interface CustomerWindowPort {
  place(placement: Placement): void;
  focus(): void;
  close(): void;
  /** Called once when the window is gone, whoever closed it. */
  onClosed(listener: () => void): void;
}

export type OpenCustomerWindow = (placement: Placement) => CustomerWindowPort;

/**
 * Which monitor the customer display goes on for the owner's choice, or null for none:
 * 'off' none; 'auto' the first monitor that is not the primary (the cashier's), when there is one;
 * 'display:<id>' that monitor while it is connected, unless it is the primary, which the cashier works on.
 */
export function chooseCustomerDisplay(choice: string, screens: readonly ScreenInfo[]): ScreenInfo | null {
  if (choice === 'auto') return screens.find((s) => !s.primary) ?? null;
  const named = /^display:(\d{1,20})$/.exec(choice);
  if (!named) return null;
  return screens.find((s) => s.id === named[1] && !s.primary) ?? null;
}

const samePlacement = (a: Placement, b: Placement) =>
  a.kind === 'window'
    ? b.kind === 'window'
    : b.kind === 'fullscreen' && a.displayId === b.displayId && a.bounds.x === b.bounds.x && a.bounds.y === b.bounds.y && a.bounds.width === b.bounds.width && a.bounds.height === b.bounds.height;

export interface CustomerDisplay {
  /** The owner's choice changed (settings.customerDisplay). */
  setChoice(choice: string): void;
  /** `customer.open`: full screen on the chosen monitor when there is one, else an ordinary window (brought forward if open). */
  open(): CustomerDisplayStatus;
  /** Closes the window and stops following the monitors. */
  dispose(): void;
}

/**
 * Keeps the customer window where the owner's choice and the connected monitors say: opened full
 * screen when its monitor appears, moved when it changes, closed when it goes. A window the cashier
 * opened by hand on this screen stays until they close it.
 */
export function createCustomerDisplay(deps: { screens: ScreensPort; openWindow: OpenCustomerWindow; choice?: string }): CustomerDisplay {
  let choice = deps.choice ?? 'off';
  let current: { window: CustomerWindowPort; placement: Placement } | null = null;

  const show = (placement: Placement) => {
    if (!current) {
      const window = deps.openWindow(placement);
      const opened = { window, placement };
      current = opened;
      window.onClosed(() => {
        if (current === opened) current = null;
      });
      return;
    }
    if (!samePlacement(current.placement, placement)) {
      current.window.place(placement);
      current.placement = placement;
    }
  };

  const target = (): Placement | null => {
    const screen = chooseCustomerDisplay(choice, deps.screens.list());
    return screen ? { kind: 'fullscreen', displayId: screen.id, bounds: screen.bounds } : null;
  };

  const sync = () => {
    const wanted = target();
    if (wanted) show(wanted);
    else if (current?.placement.kind === 'fullscreen') {
      const gone = current;
      current = null;
      gone.window.close();
    }
  };

  const stopWatching = deps.screens.onChange(sync);
  sync();

  return {
    setChoice(next) {
      if (next === choice) return;
      choice = next;
      sync();
    },
    open() {
      sync();
      // Full screen on the customer's monitor it is shown without focus: the cashier keeps the keyboard.
      if (current?.placement.kind === 'fullscreen') return { placement: 'fullscreen', displayId: current.placement.displayId, path: null };
      if (current) current.window.focus();
      else show({ kind: 'window' });
      return { placement: 'window', displayId: null, path: null };
    },
    dispose() {
      stopWatching();
      const gone = current;
      current = null;
      gone?.window.close();
    },
  };
}

/** Starts the customer display on the saved choice and follows the owner's changes to it. */
export async function startCustomerDisplay(deps: { services: Pick<CounterServices, 'handle' | 'subscribe'>; screens: ScreensPort; openWindow: OpenCustomerWindow }): Promise<CustomerDisplay> {
  const settings = await deps.services.handle('settings.get', undefined);
  const display = createCustomerDisplay({ screens: deps.screens, openWindow: deps.openWindow, choice: settings.ok ? (settings.value as SettingsView).customerDisplay : 'off' });
  const stopFollowing = deps.services.subscribe((event, payload) => {
    if (event === 'settings.changed') display.setChoice((payload as SettingsView).customerDisplay);
  });
  return {
    setChoice: display.setChoice,
    open: display.open,
    dispose() {
      stopFollowing();
      display.dispose();
    },
  };
}
