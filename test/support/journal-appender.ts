// Child process for the kill test: appends to a file journal as fast as it can and prints
// each event's id once append() has resolved (the line is fsync'd). Run: node --import tsx <this> <dir>
import { createFileJournal } from '../../electron/core/journal/append';

const dir = process.argv[2];
if (!dir) throw new Error('usage: journal-appender <dir>');
const journal = createFileJournal({ dir, terminal: () => 'kill-test' });
for (let n = 0; ; n += 1) {
  const event = await journal.append('sale.requested', { saleId: `k${process.pid}_${n}`, amountPaise: 100 + n });
  process.stdout.write(`${event.id}\n`);
}
