import { language } from '../i18n';

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

const en: PrintStrings = {
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

const hi: PrintStrings = {
  printQr: 'QR प्रिंट करें',
  printReceipt: 'रसीद प्रिंट करें',
  scanToPay: 'किसी भी UPI ऐप से स्कैन करके भुगतान करें',
  validTill: (time) => `${time} तक मान्य`,
  validFor: (minutes) => (minutes < 1 ? 'प्रिंट के बाद एक मिनट से भी कम' : `प्रिंट के बाद लगभग ${minutes} मिनट`),
  reference: 'संदर्भ',
  receiptTitle: 'भुगतान की रसीद',
  paid: 'भुगतान हो गया',
  utr: 'UTR',
  qrLabel: (amount) => `${amount} के लिए प्रिंट किया गया UPI QR कोड`,
  practice: 'अभ्यास — असली पैसा नहीं',
  printRefund: 'रिफ़ंड की पर्ची प्रिंट करें',
  refundTitle: 'रिफ़ंड की पर्ची',
  refundClaimed: 'रिफ़ंड क्लेम हो गया',
  referenceId: 'रेफ़रेंस ID',
  ackNo: 'Ack नंबर',
  claimedAt: 'क्लेम का समय',
};

/** Words on the print buttons and the printed slips, per language. */
export const PRINT_STRINGS = { en, hi } as const;

/** The table for the language in use (read while rendering, like `t`). */
export const printText = (): PrintStrings => PRINT_STRINGS[language()];
