/**
 * Every word the customer display shows, in English; each language's customer.ts has this shape.
 * Kept apart from the cashier's words (screens.ts): the display is its own page and carries only these.
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

export const customerEn: CustomerStrings = {
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

export default customerEn;
