export {
  startSandbox, isLoopback, PAYEE_NAME, PAYEE_VPA,
  type SandboxOptions, type SandboxServer, type SandboxControl, type IssuedQr, type PayRequest, type PayError, type SandboxPayment, type WebhookTarget, type WebhookDelivery,
} from './server';
export { MAGIC_AMOUNTS, SANDBOX_FAULTS, WEBHOOK_FAULTS, type SandboxFault, type WebhookFault, type WebhookFaultName } from './faults';
export { MAX_CLOCK_OFFSET_MS, MAX_LATENCY_MS } from './control-input';
export { SEEDED_TRANSFERS } from './seed';
