export { Refunds, type RefundsDeps } from './refunds';
