export * from './errors';
export * from './operations';
export * from './schemas';
export * from './views';
export { formatPaise, parseAmount, DEFAULT_CAP_PAISE, type AmountError } from '../core/money';
export { explainRefundCode } from '../core/bos/refund-codes';
