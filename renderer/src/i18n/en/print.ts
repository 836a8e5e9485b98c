/** Words on the print buttons and the printed slips, in English. Each language's print.ts has this shape. */
export interface PrintStrings {
  printQr: string;
  printReceipt: string;
  scanToPay: string;
  /** `time` is en-IN, e.g. "2:35 pm". */
  validTill: (time: string) => string;
  /** Whole minutes of validity left when the slip was printed. */
  validFor: (minutes: number) => string;
  reference: string;
  receiptTitle: string;
  paid: string;
  utr: string;
  qrLabel: (amount: string) => string;
  /** Printed on every slip made in the sandbox, so a practice slip is never taken for a real one. */
  practice: string;
  printRefund: string;
  refundTitle: string;
  refundClaimed: string;
  referenceId: string;
  ackNo: string;
  /** When the claim went through, on this PC's clock. */
  claimedAt: string;
}

export const printEn: PrintStrings = {
  printQr: 'Print QR',
  printReceipt: 'Print receipt',
  scanToPay: 'Scan with any UPI app to pay',
  validTill: (time) => `Valid till ${time}`,
  validFor: (minutes) => (minutes < 1 ? 'less than a minute after printing' : `about ${minutes} min after printing`),
  reference: 'Ref',
  receiptTitle: 'Payment receipt',
  paid: 'Paid',
  utr: 'UTR',
  qrLabel: (amount) => `Printed UPI QR code for ${amount}`,
  practice: 'PRACTICE — no real money',
  printRefund: 'Print refund slip',
  refundTitle: 'Refund slip',
  refundClaimed: 'Refund claimed',
  referenceId: 'Reference ID',
  ackNo: 'Ack No',
  claimedAt: 'Claimed',
};
