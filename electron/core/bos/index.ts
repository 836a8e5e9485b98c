export { createBosClient, BOS_PATHS, type BosClient } from './client';
export type { BosError, BosErrorCode, BosErrorReason } from './errors';
export type { BosAck, BosClientOptions, BosCredentials, DynamicQr } from './types';
export { explainRefundCode } from '../../contract/refund-codes';
