export { RefundDesk, type RefundDeskDeps } from './refunds';
