/** What a refund-family answer means: its response code's meaning, or that the OTP is used up. Each screen says it in its language. */
export type RefundMeaning = 'otp_sent' | 'not_found' | 'no_match' | 'details_refused' | 'resend_too_soon' | 'token_refused' | 'credentials_refused' | 'otp_used_up' | 'refused';

const MEANING_BY_CODE: Readonly<Record<string, RefundMeaning>> = {
  '1': 'otp_sent',
  '2': 'not_found',
  '3': 'no_match',
  '4': 'details_refused',
  '5': 'resend_too_soon',
  '6': 'token_refused',
  '7': 'credentials_refused',
  '18': 'credentials_refused',
};

/** Plain-language meaning of the refund family's response codes, shown beside BOS's own message: main's words, in English. */
export const REFUND_MEANING_WORDS: Readonly<Record<RefundMeaning, string>> = {
  otp_sent: 'The OTP was sent to the customer\'s registered phone.',
  not_found: 'This transfer was not found or has already been refunded. Do not hand over cash; check the reference ID.',
  no_match: 'No transfer matches this reference ID and ack number. Check both numbers on the customer\'s slip.',
  details_refused: 'BOS did not accept the details. Check the numbers (and the OTP) and try again.',
  resend_too_soon: 'BOS could not send another OTP yet. Wait a little, then use Resend OTP.',
  token_refused: 'BOS did not accept Counter\'s access token. Ask the owner to update it in Settings.',
  credentials_refused: 'BOS did not accept Counter\'s credentials. Ask the owner to check Settings.',
  otp_used_up: 'This OTP can no longer be used. Press Resend OTP and ask the customer for the new code.',
  refused: 'BOS refused the request. Read its message below and check the details.',
};

export const AUTH_RESPONSE_CODES: ReadonlySet<string> = new Set(['6', '7', '18']);

/** BOS's words when an OTP can no longer be used (too many wrong tries, or expired): retrying it cannot work. */
const OTP_USED_UP = /new otp|attempts exceeded|otp expired/i;

export function refundMeaning(code: string | undefined, bosMessage = ''): RefundMeaning {
  if (OTP_USED_UP.test(bosMessage)) return 'otp_used_up';
  return (code && MEANING_BY_CODE[code]) || 'refused';
}

export function explainRefundCode(code: string | undefined, bosMessage = ''): string {
  return REFUND_MEANING_WORDS[refundMeaning(code, bosMessage)];
}
