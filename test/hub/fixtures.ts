// Builders shared by the store and hub suites.
import { createHash, randomBytes } from 'node:crypto';
import type { ExpectationRequest, TerminalRole } from '../../electron/contract/hub';
import type { HubStore, IncomingPayment, RawWebhook, Shop, Terminal } from '../../electron/hub/store/types';

export const T0 = Date.parse('2026-12-01T10:00:00Z');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let serial = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(serial += 1)}${randomBytes(3).toString('hex')}`;

export function incoming(overrides: Partial<IncomingPayment> = {}): IncomingPayment {
  return { paymentId: unique('pay_'), event: 'qr_code.credited', succeeded: true, status: 'captured', qrId: null, txnRef: null, tr: null, amountPaise: 12_050, currency: 'INR', utr: '412345678901', payerVpa: 'payer@upi', ...overrides };
}

export const rawWebhook = (shopId: string, receivedAt = T0, body = '{"event":"qr_code.credited"}'): RawWebhook => ({ shopId, receivedAt, contentType: 'application/json', body: Buffer.from(body), signature: null });

export function expectation(overrides: Partial<ExpectationRequest> = {}): ExpectationRequest {
  return { saleId: unique('sale-'), qrId: unique('qr_'), txnRef: unique('TXN'), tr: unique('TR'), amountPaise: 12_050, expiresAt: '2026-12-01T15:35:00+05:30', ...overrides };
}

export async function defaultShop(store: HubStore, now = T0): Promise<Shop> {
  return (await store.openDefaultShop({ registrationId: null, name: null, now })).shop;
}

/** A terminal paired straight through the store (the HTTP pairing has its own suite). */
export async function pairedTerminal(store: HubStore, shopId: string, role: TerminalRole = 'counter', now = T0): Promise<Terminal & { credential: string }> {
  const code = unique('code-');
  const credential = unique('cred-');
  if ((await store.createPairingCode({ shopId, role, name: null, codeHash: sha(code), now, expiresAt: now + 600_000, ifLive: 'refuse', maxLive: 1_000 })).kind !== 'made') throw new Error('code taken');
  const paired = await store.redeemPairingCode({ codeHash: sha(code), terminalId: unique('term_'), terminalName: `Counter ${serial}`, credentialHash: sha(credential), now });
  if (!paired) throw new Error('pairing failed');
  return { ...paired.terminal, credential };
}
