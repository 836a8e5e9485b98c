/**
 * Every word the customer display shows, in each language it speaks. Kept apart from the cashier's
 * tables (renderer/src/i18n): the display is its own page and carries only these.
 */
export interface CustomerStrings {
  /** The page's title (the window's name on a taskbar). */
  title: string;
  /** Idle, when the owner has not set a shop name. */
  welcome: string;
  upiAccepted: string;
  scanWithAnyApp: string;
  /** A small line whenever the counter runs on the sandbox. */
  practice: string;
  preparing: string;
  amountToPay: string;
  payTo: string;
  timeLeft: string;
  /** Shown before the time when BOS gave no expiry and five minutes is assumed. */
  timeAbout: string;
  announceMinute: string;
  announceTen: string;
  qrLabel: (amount: string, payee: string) => string;
  scanHint: string;
  paid: string;
  paidAmount: (amount: string) => string;
  /** BOS itself confirmed the payment. */
  paidBos: (amount: string) => string;
  utr: (utr: string) => string;
  /** Counter's engine is not answering: no QR is shown meanwhile. */
  wait: string;
  expired: string;
  expiredHelp: string;
}

export const en: CustomerStrings = {
  title: 'Counter: customer display',
  welcome: 'Welcome',
  upiAccepted: 'UPI accepted',
  scanWithAnyApp: 'Pay by scanning the QR with any UPI app',
  practice: 'Practice mode: no real money moves',
  preparing: 'Preparing your QR…',
  amountToPay: 'Amount to pay',
  payTo: 'To',
  timeLeft: 'Time left',
  timeAbout: 'about',
  announceMinute: 'One minute left to pay.',
  announceTen: 'Ten seconds left to pay.',
  qrLabel: (amount, payee) => `UPI QR code for ${amount} to ${payee}`,
  scanHint: 'Scan with any UPI app',
  paid: 'Paid — thank you',
  paidAmount: (amount) => `${amount} received`,
  paidBos: (amount) => `${amount} received — confirmed by BOS`,
  utr: (utr) => `UPI reference ${utr}`,
  wait: 'One moment, please…',
  expired: 'QR expired',
  expiredHelp: 'Please ask the cashier for a new QR.',
};

export const hi: CustomerStrings = {
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

export const CUSTOMER_STRINGS: Readonly<Record<'en' | 'hi', CustomerStrings>> = { en, hi };

export const customerStrings = (language: 'en' | 'hi'): CustomerStrings => CUSTOMER_STRINGS[language] ?? en;
