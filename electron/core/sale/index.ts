export type { MarkPaidOverride } from './hand-mark';
export type { ResolvableSales } from './held-sales';
export { AccountPayees, type PayeeCheck } from './payee';
export { paymentFromHub, type BosPayment } from './payment-judgement';
export { readRestoreWindow } from './restore';
export { Sales, type SalesDeps } from './sales';
export { StatusWatch, watchQrStatus, type StatusWatchDeps } from './status-watch';
