import type { HubPayment } from '../../contract/hub';
import type { SaleView } from '../../contract/views';
import type { ObservedJournal } from '../journal';
import type { HubLinkContext } from './context';
import { expectationOf } from './expectation';
import { createHubRuntime, type HubDeps, type HubRuntime } from './runtime';

export interface HubLinkParts extends HubLinkContext {
  journal: ObservedJournal;
  /** A payment the hub pushed for one of this counter's QRs; resolves once it is on record. */
  onPayment: (payment: HubPayment) => Promise<void>;
}

/**
 * The counter's side of the hub, running: every journal line goes to the hub's sender, every QR that
 * goes on screen is told to the hub as an expectation, and the link opens in the background (the
 * app's start and the first sale never wait for the hub).
 */
export async function startHubLink(parts: HubLinkParts, deps: HubDeps): Promise<HubRuntime> {
  const hub = await createHubRuntime(parts, deps, parts.onPayment);
  parts.journal.onAppended((event) => hub.sender.enqueue(event));
  let expectedQrId: string | null = null;
  parts.events.subscribe((event, payload) => {
    if (event !== 'sale.changed') return;
    const expectation = expectationOf(payload as SaleView | null);
    if (!expectation || expectation.qrId === expectedQrId) return;
    expectedQrId = expectation.qrId;
    hub.link.expect(expectation);
  });
  void hub.start();
  return hub;
}
