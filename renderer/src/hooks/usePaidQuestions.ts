import { useCallback, useRef, useState } from 'react';
import type { PaidAnswer, PaidOverride, PaidQuestion } from './useSale';

export interface PaidQuestions {
  /** Main's question on screen now (utr_reused, not_confirmed), or null. */
  question: PaidQuestion | null;
  /** Marks paid with this UTR; a question main asks comes up instead. */
  submit(utr: string | undefined): Promise<void>;
  /** "Mark paid anyway": the same call again, the question answered (each answer is kept for the questions that may follow). */
  anyway(): Promise<void>;
  /** Back from the question: nothing is marked. */
  dismiss(): void;
}

/**
 * Marking paid can take questions from main, one after another (BOS has not confirmed it, then
 * this UTR was used before): each is shown once, and "anyway" sends every answer given so far.
 */
export function usePaidQuestions(markPaid: (answer: PaidAnswer) => Promise<PaidQuestion | null>): PaidQuestions {
  const [question, setQuestion] = useState<PaidQuestion | null>(null);
  const asked = useRef<{ utr: string | undefined; overrides: PaidOverride[] }>({ utr: undefined, overrides: [] });

  const send = useCallback(
    async (utr: string | undefined, overrides: PaidOverride[]) => {
      asked.current = { utr, overrides };
      setQuestion(await markPaid({ utr, overrides }));
    },
    [markPaid],
  );
  const submit = useCallback((utr: string | undefined) => send(utr, []), [send]);
  const anyway = useCallback(async () => {
    if (!question) return;
    const { utr, overrides } = asked.current;
    await send(utr, overrides.includes(question.code) ? overrides : [...overrides, question.code]);
  }, [question, send]);
  const dismiss = useCallback(() => setQuestion(null), []);
  return { question, submit, anyway, dismiss };
}
