export { createBosClient, BOS_PATHS, type BosClient, type BosQrStatusClient } from './client';
export type { QrPaymentStatus, QrStatusQuestion } from './qr-status';
export { toPosError, type BosError, type BosErrorCode, type BosErrorReason } from './errors';
export type { BosAck, BosClientOptions, BosCredentials, DynamicQr } from './types';
export { explainRefundCode } from '../../contract/refund-codes';
export { payeeKey } from '../upi';
export { BosLink, type SandboxLink } from './link';
