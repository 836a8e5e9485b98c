/** The fake's side of the fork channel: runs the test's commands against what main built, answers each by id. */
import { EventEmitter } from 'node:events';
import type { FakeBrowserWindow, Handler, SessionHooks } from './electron';
import type { BootRecord, ChildMessage, Command, CommandMessage, KeyPress, Sender } from './protocol';

export interface Preventable {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

/** The event object Electron hands listeners that may cancel what comes next. */
export function preventable(): Preventable {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export interface ControlDeps {
  record: BootRecord;
  windows: readonly FakeBrowserWindow[];
  handlers: ReadonlyMap<string, Handler>;
  sessionHooks: SessionHooks;
  quit: () => void;
  tell: (message: ChildMessage) => void;
}

export function listenForCommands(deps: ControlDeps): void {
  const windowAt = (index: number): FakeBrowserWindow => {
    const window = deps.windows[index];
    if (!window) throw new Error(`no window #${index} (main made ${deps.windows.length})`);
    return window;
  };

  /** What ipcMain hands a handler: the sender's WebContents and frame, ours or one main never made. */
  const senderEvent = (from: Sender) => {
    if (from === 'stranger') return { sender: new EventEmitter(), senderFrame: { name: 'stranger frame' }, processId: 99, frameId: 1 };
    const contents = windowAt(from.window).webContents;
    return { sender: contents, senderFrame: contents.mainFrame, processId: 1, frameId: 1 };
  };

  async function run(command: Command): Promise<unknown> {
    switch (command.op) {
      case 'snapshot':
        return deps.record;
      case 'invoke': {
        const handler = deps.handlers.get(command.channel);
        if (!handler) throw new Error(`nothing handles ${command.channel}`);
        return handler(senderEvent(command.from), command.input);
      }
      case 'key': {
        const event = preventable();
        const input = { type: 'keyDown', isAutoRepeat: false, ...command.input } satisfies KeyPress & { type: string; isAutoRepeat: boolean };
        windowAt(command.window).webContents.emit('before-input-event', event, input);
        return { prevented: event.defaultPrevented };
      }
      case 'navigate': {
        const event = preventable();
        windowAt(command.window).webContents.emit('will-navigate', event, command.url);
        return { prevented: event.defaultPrevented };
      }
      case 'windowOpen':
        return windowAt(command.window).webContents.windowOpenHandler?.({ url: command.url }) ?? null;
      case 'permission': {
        const hook = deps.sessionHooks.permissionRequest;
        return hook ? new Promise((resolve) => hook({}, command.permission, resolve)) : null;
      }
      case 'headers': {
        const hook = deps.sessionHooks.headers;
        return hook ? new Promise((resolve) => hook({ responseHeaders: { 'X-Test': ['1'] } }, (response) => resolve(response.responseHeaders ?? null))) : null;
      }
      case 'closeWindow':
        windowAt(command.window).close();
        return null;
      case 'quit':
        deps.quit();
        return null;
    }
  }

  process.on('message', (message: CommandMessage) => {
    run(message).then(
      (value) => deps.tell({ kind: 'reply', id: message.id, ok: true, value }),
      (error: unknown) => deps.tell({ kind: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  deps.tell({ kind: 'listening' });
}
