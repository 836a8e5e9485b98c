import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron is mocked whole: the real module would try to download its binary.
const mocks = vi.hoisted(() => {
  const windows: Array<{ options: unknown; handlers: Map<string, (...args: unknown[]) => void>; openHandler?: () => unknown }> = [];
  const session = {
    permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    headers: undefined as undefined | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  };
  return { windows, session };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: { setWindowOpenHandler: (h: () => unknown) => void; on: (name: string, h: (...args: unknown[]) => void) => void };
    constructor(options: unknown) {
      const record = { options, handlers: new Map<string, (...args: unknown[]) => void>(), openHandler: undefined as undefined | (() => unknown) };
      mocks.windows.push(record);
      this.webContents = {
        setWindowOpenHandler: (h) => { record.openHandler = h; },
        on: (name, h) => { record.handlers.set(name, h); },
      };
    }
    once() {}
  }
  return {
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof mocks.session.permissionRequest) => { mocks.session.permissionRequest = h; },
        setPermissionCheckHandler: (h: typeof mocks.session.permissionCheck) => { mocks.session.permissionCheck = h; },
        webRequest: { onHeadersReceived: (h: typeof mocks.session.headers) => { mocks.session.headers = h; } },
      },
    },
  };
});

const { createAppWindow, isOwnRendererUrl, CSP } = await import('../../electron/main/window');
const { registerIpc } = await import('../../electron/main/ipc');
const { createTrustedSenders } = await import('../../electron/main/trusted-senders');
const { inputSchemas } = await import('../../electron/contract/schemas');

describe('the window factory', () => {
  beforeEach(() => { mocks.windows.length = 0; });

  it('turns on sandbox and context isolation, off node integration and webviews', () => {
    createAppWindow({ preload: '/app/preload/index.cjs', rendererUrl: 'file:///app/renderer/index.html', title: 'Counter' });
    const prefs = (mocks.windows[0]!.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false, preload: '/app/preload/index.cjs' });
  });

  it('denies window.open and prevents navigation away from our renderer', () => {
    createAppWindow({ preload: '/p.cjs', rendererUrl: 'file:///app/renderer/index.html', title: 'Counter' });
    const record = mocks.windows[0]!;
    expect(record.openHandler?.()).toEqual({ action: 'deny' });
    for (const url of ['https://evil.example/', 'javascript:alert(1)', 'file:///etc/passwd', 'FILE:///app/renderer/other.html', 'data:text/html,hi']) {
      const event = { preventDefault: vi.fn() };
      record.handlers.get('will-navigate')!(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const own = { preventDefault: vi.fn() };
    record.handlers.get('will-navigate')!(own, 'file:///app/renderer/index.html#refund');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every permission request and puts the CSP on every response', () => {
    createAppWindow({ preload: '/p.cjs', rendererUrl: 'http://localhost:5173/', title: 'Counter' });
    const answer = vi.fn();
    mocks.session.permissionRequest!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(mocks.session.permissionCheck!()).toBe(false);
    const done = vi.fn();
    mocks.session.headers!({ responseHeaders: { 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] } });
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("object-src 'none'");
  });

  it('dev server: same origin only, with odd case hosts and ports refused', () => {
    expect(isOwnRendererUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isOwnRendererUrl('http://LOCALHOST.evil.example:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isOwnRendererUrl('not a url', 'http://localhost:5173/')).toBe(false);
  });
});

describe('IPC registration', () => {
  function setup(trusted: boolean) {
    const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, h: (event: unknown, raw: unknown) => Promise<unknown>) => handlers.set(channel, h)) };
    const services = { handle: vi.fn(async () => ({ ok: true, value: 'done' })), subscribe: vi.fn(), sandbox: vi.fn(), dispose: vi.fn() };
    registerIpc(ipcMain as never, services as never, () => trusted);
    return { handlers, services };
  }

  it('registers one handler per contract operation and nothing else', () => {
    const { handlers } = setup(true);
    expect([...handlers.keys()].sort()).toEqual([...Object.keys(inputSchemas).map((op) => `pos:${op}`), 'customer:view'].sort());
  });

  it('refuses a sender we did not create without calling the services', async () => {
    const { handlers, services } = setup(false);
    const result = await handlers.get('pos:sale.create')!({}, { amountPaise: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(services.handle).not.toHaveBeenCalled();
  });

  it('passes a trusted call with its raw input to the services (which parse it), and a throw becomes a typed error', async () => {
    const { handlers, services } = setup(true);
    expect(await handlers.get('pos:sale.create')!({}, { amountPaise: 1000 })).toEqual({ ok: true, value: 'done' });
    expect(services.handle).toHaveBeenCalledWith('sale.create', { amountPaise: 1000 });
    services.handle.mockRejectedValueOnce(new Error('boom at /secret/path'));
    const failed = await handlers.get('pos:sale.create')!({}, {});
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(failed)).not.toContain('/secret/path');
  });
});

describe('trusted senders', () => {
  it('trusts only the main frame of a WebContents we created, until it is destroyed', () => {
    const senders = createTrustedSenders();
    const onDestroyed: Array<() => void> = [];
    const mainFrame = { id: 1 };
    const ours = { mainFrame, once: (_name: string, h: () => void) => onDestroyed.push(h) };
    senders.add(ours as never, 'cashier');
    expect(senders.isTrusted({ sender: ours, senderFrame: mainFrame } as never, ['cashier'])).toBe(true);
    expect(senders.isTrusted({ sender: ours, senderFrame: { id: 2 } } as never, ['cashier'])).toBe(false);
    expect(senders.isTrusted({ sender: { mainFrame }, senderFrame: mainFrame } as never, ['cashier'])).toBe(false);
    onDestroyed.forEach((h) => h());
    expect(senders.isTrusted({ sender: ours, senderFrame: mainFrame } as never, ['cashier'])).toBe(false);
  });

  it('a window is trusted only for the channels its role may call: the customer display reaches no pos operation', () => {
    const senders = createTrustedSenders();
    const cashierFrame = { id: 1 };
    const customerFrame = { id: 2 };
    const cashier = { mainFrame: cashierFrame, once: () => undefined };
    const customer = { mainFrame: customerFrame, once: () => undefined };
    senders.add(cashier as never, 'cashier');
    senders.add(customer as never, 'customer');
    const fromCustomer = { sender: customer, senderFrame: customerFrame } as never;
    const fromCashier = { sender: cashier, senderFrame: cashierFrame } as never;
    expect(senders.isTrusted(fromCustomer, ['cashier'])).toBe(false);
    expect(senders.isTrusted(fromCustomer, ['customer'])).toBe(true);
    expect(senders.isTrusted(fromCashier, ['customer'])).toBe(false);
    expect(senders.all('customer')).toEqual([customer]);
    expect(senders.all('cashier')).toEqual([cashier]);
  });
});

describe('IPC channel access', () => {
  it('every pos operation is for the cashier window only; customer:view for the customer display only', async () => {
    const { CHANNEL_ACCESS } = await import('../../electron/main/channel-access');
    for (const op of Object.keys(inputSchemas)) expect(CHANNEL_ACCESS.get(`pos:${op}`)?.callers).toEqual(['cashier']);
    expect(CHANNEL_ACCESS.get('customer:view')?.callers).toEqual(['customer']);
    expect(CHANNEL_ACCESS.size).toBe(Object.keys(inputSchemas).length + 1);
  });

  it('a call from the customer display to a pos channel is refused before the services see it', async () => {
    const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, h: (event: unknown, raw: unknown) => Promise<unknown>) => handlers.set(channel, h)) };
    const services = { handle: vi.fn(async () => ({ ok: true, value: 'done' })), customerView: vi.fn(() => ({ sale: null, shopName: 'S', language: 'en', theme: 'light', training: true })) };
    const senders = createTrustedSenders();
    const frame = { id: 9 };
    const customer = { mainFrame: frame, once: () => undefined };
    senders.add(customer as never, 'customer');
    registerIpc(ipcMain as never, services as never, (event, allowed) => senders.isTrusted(event as never, allowed));
    const event = { sender: customer, senderFrame: frame };
    expect(await handlers.get('pos:sale.create')!(event, { amountPaise: 1000 })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await handlers.get('pos:settings.get')!(event, undefined)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(services.handle).not.toHaveBeenCalled();
    expect(await handlers.get('customer:view')!(event, undefined)).toMatchObject({ ok: true, value: { shopName: 'S' } });
  });
});
