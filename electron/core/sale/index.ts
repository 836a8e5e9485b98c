export { paymentFromHub, type BosPayment } from './bos-payment';
export { PayeePins, type Payee, type PayeeCheck } from './payee';
export { readRestoreWindow } from './restore';
export { SaleDesk, type MarkPaidInput, type ResolvableSales, type SaleDeskDeps } from './sales';
export { StatusWatch, watchQrStatus, type StatusWatchDeps } from './status-watch';
