export * from './errors';
export * from './operations';
export * from './schemas';
export * from './views';
export * from './customer';
export * from './money';
export { explainRefundCode } from './refund-codes';
export * from './days';
export * from './languages';
