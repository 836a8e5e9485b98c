/** Refundable money transfers the sandbox knows from the start (documented in the README). */
export interface SeededTransfer {
  referenceId: string;
  ackNo: string;
  refunded: boolean;
  note: string;
}

export const SEEDED_TRANSFERS: readonly SeededTransfer[] = [
  { referenceId: '12345678926', ackNo: '127', refunded: false, note: 'refundable (the vendor page\'s example)' },
  { referenceId: '9876543210123456789', ackNo: '4501', refunded: false, note: 'refundable, 19-digit reference id' },
  { referenceId: '77777777777', ackNo: '77', refunded: false, note: 'refundable (spare)' },
  { referenceId: '55555555555', ackNo: '10', refunded: true, note: 'already refunded: answers code 2' },
];
