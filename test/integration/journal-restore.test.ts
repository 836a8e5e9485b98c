import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDay, shiftDay } from '../../electron/contract/days';
import type { JournalEvent } from '../../electron/core/journal/types';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createMemorySecretBox, createMemorySettingsStore } from '../../electron/web/preview-stores';
import { openSale } from '../support/journal-lines';

let dataDir: string;
let services: PreviewServices | null = null;
const today = localDay(new Date());
const journalDir = () => join(dataDir, 'journal');
const start = async () => (services = await createPreviewServices({ settingsStore: createMemorySettingsStore(), secretBox: createMemorySecretBox(), dataDir, version: 'test', shell: 'web-preview' }));

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'counter-restore-'));
});
afterEach(async () => {
  await services?.dispose();
  services = null;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a restart after the PC clock went back', () => {
  it.each([
    ['a day', 1],
    ['a year', 365],
  ])('finds the QR left showing in a journal file dated %s ahead, and ids go on above it', async (_name, ahead) => {
    const future = shiftDay(today, ahead);
    const left = openSale(journalDir(), future, 's_clockwentback01', 4_200);
    const counter = await start();
    expect(await counter.handle('sale.current', undefined)).toMatchObject({ ok: true, value: { saleId: 's_clockwentback01', state: 'unresolved', amountPaise: 4_200 } });
    expect(await counter.handle('sale.create', { amountPaise: 100 })).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await counter.handle('sale.markPaid', { saleId: 's_clockwentback01' })).toMatchObject({ ok: true, value: { state: 'paid' } });
    const written = readFileSync(join(journalDir(), `${today}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEvent);
    const paid = written.find((e) => e.type === 'sale.paid')!;
    expect(paid.data).toMatchObject({ saleId: 's_clockwentback01', afterRestart: true });
    expect(paid.id).toBeGreaterThan(left.at(-1)!.id);
  });
});
