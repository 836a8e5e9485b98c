/** Plain-language meaning of the refund family's response codes, shown beside BOS's own message. */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  '1': 'The OTP was sent to the customer\'s registered phone.',
  '2': 'This transfer was not found or has already been refunded. Do not hand over cash; check the reference ID.',
  '3': 'No transfer matches this reference ID and ack number. Check both numbers on the customer\'s slip.',
  '4': 'BOS did not accept the details. Check the numbers (and the OTP) and try again.',
  '5': 'BOS could not send another OTP yet. Wait a little, then use Resend OTP.',
  '6': 'BOS did not accept Counter\'s access token. Ask the owner to update it in Settings.',
  '7': 'BOS did not accept Counter\'s credentials. Ask the owner to check Settings.',
  '18': 'BOS did not accept Counter\'s credentials. Ask the owner to check Settings.',
};

export const AUTH_RESPONSE_CODES: ReadonlySet<string> = new Set(['6', '7', '18']);

/** BOS's words when an OTP can no longer be used (too many wrong tries, or expired): retrying it cannot work. */
const OTP_USED_UP = /new otp|attempts exceeded|otp expired/i;

export function explainRefundCode(code: string | undefined, bosMessage = ''): string {
  if (OTP_USED_UP.test(bosMessage)) return 'This OTP can no longer be used. Press Resend OTP and ask the customer for the new code.';
  return (code && EXPLANATIONS[code]) || 'BOS refused the request. Read its message below and check the details.';
}
