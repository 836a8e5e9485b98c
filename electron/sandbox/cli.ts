import { parseArgs } from 'node:util';
import { formatPaise } from '../contract/money';
import { MAX_LATENCY_MS } from './control-input';
import { MAGIC_AMOUNTS, SANDBOX_FAULTS, SEEDED_TRANSFERS, WEBHOOK_FAULTS, startSandbox, type WebhookTarget } from './index';

const USAGE = `BOS sandbox: a practice BOS on this computer (127.0.0.1), with magic amounts, seeded transfers and webhooks.

  npm run sandbox -- [--port 4010] [--host 127.0.0.1] [--token T] [--latency MS]
                     [--webhook-url URL [--webhook-shape razorpay|upiqr] [--webhook-form]]

SANDBOX_WEBHOOK_SECRET signs the webhooks (HMAC), kept out of the process list.`;

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' },
        latency: { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-shape': { type: 'string', default: 'razorpay' },
        'webhook-form': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // An unknown or malformed flag: say which, and how to run it, not a stack trace.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const number = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, not ${text}`);
    process.exit(2);
  }
  return value;
};

const sandbox = await startSandbox({
  port: number('port', values.port),
  host: values.host,
  ...(values.token ? { token: values.token } : {}),
  ...(values.latency ? { latencyMs: number('latency', values.latency) } : {}),
  log: (where, error) => console.error(`sandbox: ${where}:`, error instanceof Error ? error.message : error),
});
if (values['webhook-url']) {
  // The secret from the environment, not the command line (which other users of the PC can read).
  const secret = process.env.SANDBOX_WEBHOOK_SECRET;
  const target = { url: values['webhook-url'], shape: values['webhook-shape'], encoding: values['webhook-form'] ? 'form' : 'json', ...(secret ? { hmacSecret: secret } : {}) };
  try {
    sandbox.control.setWebhookTarget(target as WebhookTarget);
  } catch (error) {
    console.error((error as Error).message);
    await sandbox.close();
    process.exit(2);
  }
}

const u = sandbox.url;
console.log(`BOS sandbox listening on ${u}`);
console.log('\nMagic amounts (Dynamic QR):');
for (const m of MAGIC_AMOUNTS) console.log(`  ${formatPaise(m.paise).padEnd(8)} ${m.what}`);
console.log('\nSeeded transfers (Refund OTP):');
for (const t of SEEDED_TRANSFERS) console.log(`  reference ${t.referenceId.padEnd(20)} ack ${t.ackNo.padEnd(5)} ${t.note}`);
console.log(`\nOTP for training: GET ${u}/sandbox/otp?referenceid=…&ackno=…`);
console.log(`\nThe customer pays a QR: POST ${u}/sandbox/pay {"qrId": "qr_…" | "txnRefranceID": "…", "amountPaise"?: 1000, "payerVpa"?: "name@bank"}`);
console.log(`Status call: POST ${u}/api/BOS/V4/DynamicQRCodeStatus {"txnRefranceID": "…", "RegistrationID": "…"}`);
console.log(`Read back: GET ${u}/sandbox/qrs, /sandbox/payments, /sandbox/webhooks`);
console.log(`\nControl: POST ${u}/sandbox/control with any of`);
const field = (name: string, what: string) => console.log(`  ${name.padEnd(32)} ${what}`);
field(`"latencyMs": 0…${MAX_LATENCY_MS}`, 'every BOS answer waits this long');
field('"clockOffsetMs": ±10 years', 'moves the sandbox\'s clock (QR times, expiry, OTP cool-down)');
console.log(`  "nextFault": one of ${SANDBOX_FAULTS.join(', ')} (or null): the next BOS call only`);
console.log('  "webhookTarget": {"url": "http(s)://…", "shape": "razorpay"|"upiqr", "encoding": "json"|"form", "hmacSecret"?: "…"} or null');
console.log('  "nextWebhookFault": a name, or {"fault": "delay", "delayMs": 2000}, or null: the next payment\'s webhook only');
for (const f of WEBHOOK_FAULTS) console.log(`      ${f.fault.padEnd(13)} ${f.what}`);
field('"reset": true', 'forgets QRs, payments, OTPs, faults and the webhook target');
if (values['webhook-url']) console.log(`\nWebhooks go to ${values['webhook-url']} (${values['webhook-shape']}, ${values['webhook-form'] ? 'form' : 'JSON'}${process.env.SANDBOX_WEBHOOK_SECRET ? ', signed' : ''}); redelivered up to 5 times after a failure (1 s, 2 s, 4 s, 8 s).`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
