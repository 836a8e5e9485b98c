import type { PrintStrings } from '../en/print';

/** Words on the print buttons and the printed slips, in Hindi. */
export const printHi: PrintStrings = {
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
