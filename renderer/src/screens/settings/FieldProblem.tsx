import type { PosError } from '../../../../electron/contract';
import { language, t } from '../../i18n';
import type { DraftField } from './draft';

/** Why a field cannot be saved: the form's own check (already in the language in use), or main's refusal about it. */
export interface FormProblem {
  field: DraftField | null;
  error: PosError;
  /** Main's English words, not the form's own. */
  fromMain: boolean;
}

/** The input each field's problem belongs under. */
export const FIELD_INPUT: Readonly<Record<DraftField, string>> = {
  liveBaseUrl: 'live-url',
  registrationId: 'registration-id',
  token: 'token',
  terminalName: 'terminal-name',
  cap: 'cap',
};

export const problemId = (field: DraftField) => `${FIELD_INPUT[field]}-problem`;

/** Main names the field it refused for; only the ones this form has count. */
export function fieldOf(error: PosError): DraftField | null {
  return error.field && error.field in FIELD_INPUT ? (error.field as DraftField) : null;
}

/** Props for an input that may have a problem: marked invalid and described by it. */
export function problemProps(problem: FormProblem | null, field: DraftField, hintId?: string) {
  const here = problem?.field === field;
  const describedBy = [hintId, here ? problemId(field) : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': here || undefined, 'aria-describedby': describedBy || undefined };
}

/**
 * The problem under its field. Main's words are English: in another language a sentence for the
 * field (or the error's code) comes first, and main's stay below, marked English.
 */
export function FieldProblem({ problem, field }: { problem: FormProblem | null; field: DraftField }) {
  if (problem?.field !== field) return null;
  const { error, fromMain } = problem;
  const translated = fromMain && language() !== 'en' ? (field === 'registrationId' ? t.settings.liveNeedsRegistration : t.errors.byCode[error.code]) : null;
  return (
    <div id={problemId(field)} className="field-problem" role="alert">
      <p className="field-error">{translated ?? error.message}</p>
      {translated && <p className="english-line" lang="en-IN">{error.message}</p>}
    </div>
  );
}
