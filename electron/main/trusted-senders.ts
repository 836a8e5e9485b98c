import type { IpcMainInvokeEvent, WebContents } from 'electron';

/** The windows we create. Each IPC channel lists which of them may call it (see channel-access.ts). */
export type WindowRole = 'cashier' | 'customer';

/** WebContents we created, each with its role: added on create, dropped on destroy. Anything else is refused. */
export function createTrustedSenders() {
  const trusted = new Map<WebContents, WindowRole>();
  return {
    add(contents: WebContents, role: WindowRole) {
      trusted.set(contents, role);
      contents.once('destroyed', () => trusted.delete(contents));
    },
    /** Our live windows of one role (events go only to the windows meant to hear them). */
    all: (role: WindowRole): WebContents[] => [...trusted].filter(([, r]) => r === role).map(([contents]) => contents),
    /** The role of the window that sent this, when it is ours and the call came from its main frame; otherwise null. */
    roleOf(event: IpcMainInvokeEvent): WindowRole | null {
      const role = trusted.get(event.sender);
      if (role === undefined || event.senderFrame === null || event.senderFrame !== event.sender.mainFrame) return null;
      return role;
    },
    /** True only for the main frame of one of our windows whose role is in `allowed`. */
    isTrusted(event: IpcMainInvokeEvent, allowed: readonly WindowRole[]): boolean {
      const role = this.roleOf(event);
      return role !== null && allowed.includes(role);
    },
  };
}
