import type { IpcMainInvokeEvent, WebContents } from 'electron';

/** WebContents we created: added on create, dropped on destroy. Anything else is refused. */
export function createTrustedSenders() {
  const trusted = new Set<WebContents>();
  return {
    add(contents: WebContents) {
      trusted.add(contents);
      contents.once('destroyed', () => trusted.delete(contents));
    },
    all: () => [...trusted],
    isTrusted(event: IpcMainInvokeEvent): boolean {
      return trusted.has(event.sender) && event.senderFrame !== null && event.senderFrame === event.sender.mainFrame;
    },
  };
}
