import type { NextStep } from '../../contract/views';

/** BOS's 400 for a merchant whose payee VPA is not set up on its side: nothing at the counter can fix it. */
const VPA_REFUSAL = /\bVPA\b/i;

/**
 * What a person should do about a refusal, from its error code and BOS's own words. Null when the
 * row was not refused, or the code asks nothing of anyone (a busy counter, say).
 */
export function nextStepFor(code: string | null, bosMessage: string | null): NextStep | null {
  switch (code) {
    case 'rejected':
      return bosMessage && VPA_REFUSAL.test(bosMessage) ? 'fix_vpa' : 'ask_bos';
    case 'network':
    case 'timeout':
      return 'check_internet';
    case 'unauthorized':
      return 'check_credentials';
    case 'server_error':
      return 'wait_and_retry';
    case 'invalid_response':
    case 'amount_mismatch':
    case 'invalid_intent':
      return 'retry_then_bos';
    case 'payee_changed':
      return 'accept_payee';
    case 'not_saved':
      return 'free_disk';
    default:
      return null;
  }
}

/** The export's words for each next step (English, like the rest of the file). */
export const NEXT_STEP_WORDS: Readonly<Record<NextStep, string>> = {
  fix_vpa: 'This will not work until the owner fixes the VPA with BOS.',
  ask_bos: 'BOS refused it. If its reason is not clear, the owner should ask BOS support.',
  check_internet: 'Check the internet connection and try again.',
  check_credentials: 'The owner must check the registration ID and token in Settings.',
  wait_and_retry: 'BOS had a problem. Wait a minute and try again.',
  retry_then_bos: 'No QR was shown. Try again; if it happens again, tell BOS support.',
  accept_payee: 'The owner must accept or refuse the new payee in Settings.',
  free_disk: 'Free space on this PC\'s disk (or fix its folder\'s permissions), then try again.',
};
