export { startSandbox, isLoopback, PAYEE_NAME, PAYEE_VPA, type SandboxOptions, type SandboxServer, type SandboxControl, type IssuedQr } from './server';
export { MAGIC_AMOUNTS, SANDBOX_FAULTS, type SandboxFault } from './faults';
export { SEEDED_TRANSFERS } from './seed';
