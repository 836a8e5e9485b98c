export type SandboxFault =
  | 'vpa_error_400'
  | 'unauthorized_401'
  | 'html_500'
  | 'html_502'
  | 'empty_502'
  | 'empty_200'
  | 'truncated_json'
  | 'status_error_200'
  | 'hang'
  | 'reset'
  | 'wrong_amount'
  | 'wrong_currency'
  | 'not_upi_pay'
  | 'wrong_content_type';

export const SANDBOX_FAULTS: readonly SandboxFault[] = [
  'vpa_error_400', 'unauthorized_401', 'html_500', 'html_502', 'empty_502', 'empty_200', 'truncated_json',
  'status_error_200', 'hang', 'reset', 'wrong_amount', 'wrong_currency', 'not_upi_pay', 'wrong_content_type',
];

/** Amounts (in paise) that make the Dynamic QR call misbehave. All ₹1.xx so no real training sale hits one. */
export const MAGIC_AMOUNTS: ReadonlyArray<{ paise: number; fault: SandboxFault; what: string }> = [
  { paise: 104, fault: 'vpa_error_400', what: 'HTTP 400 "VPA does not exist for the account provided"' },
  { paise: 141, fault: 'unauthorized_401', what: 'HTTP 401 "Authentication failed"' },
  { paise: 150, fault: 'html_500', what: 'HTTP 500 with an HTML page' },
  { paise: 152, fault: 'html_502', what: 'HTTP 502 with an HTML page' },
  { paise: 153, fault: 'empty_502', what: 'HTTP 502 with an empty body' },
  { paise: 120, fault: 'empty_200', what: 'HTTP 200 with an empty body' },
  { paise: 126, fault: 'truncated_json', what: 'HTTP 200 with JSON cut off half way' },
  { paise: 127, fault: 'status_error_200', what: 'HTTP 200 with status "ERROR"' },
  { paise: 130, fault: 'wrong_content_type', what: 'HTTP 200, the success JSON sent as text/html' },
  { paise: 177, fault: 'wrong_amount', what: 'a QR whose intent is for ₹1 more' },
  { paise: 178, fault: 'wrong_currency', what: 'a QR whose intent is in USD' },
  { paise: 179, fault: 'not_upi_pay', what: 'a QR whose intent is not upi://pay' },
  { paise: 198, fault: 'reset', what: 'the connection is cut mid-answer' },
  { paise: 199, fault: 'hang', what: 'never answers (the client times out)' },
];

export const faultForAmount = (paise: number | null): SandboxFault | null =>
  MAGIC_AMOUNTS.find((m) => m.paise === paise)?.fault ?? null;
