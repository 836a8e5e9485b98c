import type { CustomerStrings } from '../en/customer';

/** Every word the customer display shows, in Hindi. */
export const customerHi: CustomerStrings = {
  title: 'Counter: ग्राहक डिस्प्ले',
  welcome: 'स्वागत है',
  upiAccepted: 'UPI से भुगतान स्वीकार है',
  scanWithAnyApp: 'किसी भी UPI ऐप से QR स्कैन करके भुगतान करें',
  practice: 'अभ्यास मोड: कोई असली पैसा नहीं जाता',
  preparing: 'आपका QR तैयार हो रहा है…',
  amountToPay: 'भुगतान की राशि',
  payTo: 'प्राप्तकर्ता',
  timeLeft: 'बचा समय',
  timeAbout: 'लगभग',
  announceMinute: 'भुगतान के लिए एक मिनट बचा है।',
  announceTen: 'भुगतान के लिए दस सेकंड बचे हैं।',
  qrLabel: (amount, payee) => `${payee} के लिए ${amount} का UPI QR कोड`,
  scanHint: 'किसी भी UPI ऐप से स्कैन करें',
  paid: 'भुगतान हो गया — धन्यवाद',
  paidAmount: (amount) => `${amount} प्राप्त हुए`,
  paidBos: (amount) => `${amount} प्राप्त हुए — BOS ने पुष्टि की`,
  utr: (utr) => `UPI रेफ़रेंस ${utr}`,
  wait: 'कृपया एक पल रुकें…',
  expired: 'QR की समय सीमा खत्म',
  expiredHelp: 'कृपया कैशियर से नया QR माँगें।',
};

export default customerHi;
