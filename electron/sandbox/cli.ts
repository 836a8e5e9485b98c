import { parseArgs } from 'node:util';
import { formatPaise } from '../contract/money';
import { MAGIC_AMOUNTS, SEEDED_TRANSFERS, startSandbox } from './index';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4010' }, host: { type: 'string', default: '127.0.0.1' }, token: { type: 'string' }, latency: { type: 'string' } } });

const sandbox = await startSandbox({
  port: Number(values.port),
  host: values.host,
  ...(values.token ? { token: values.token } : {}),
  ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
});
console.log(`BOS sandbox listening on ${sandbox.url}`);
console.log('\nMagic amounts (Dynamic QR):');
for (const m of MAGIC_AMOUNTS) console.log(`  ${formatPaise(m.paise).padEnd(8)} ${m.what}`);
console.log('\nSeeded transfers (Refund OTP):');
for (const t of SEEDED_TRANSFERS) console.log(`  reference ${t.referenceId.padEnd(20)} ack ${t.ackNo.padEnd(5)} ${t.note}`);
console.log(`\nOTP for training: GET ${sandbox.url}/sandbox/otp?referenceid=…&ackno=…`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
