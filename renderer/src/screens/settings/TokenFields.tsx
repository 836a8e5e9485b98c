import type { RefObject } from 'react';
import type { SettingsView } from '../../../../electron/contract';
import { t } from '../../i18n';
import { FieldProblem, problemProps, type FormProblem } from './FieldProblem';
import type { Changes } from './draft';

interface TokenFieldsProps {
  current: SettingsView;
  shell: 'electron' | 'web-preview' | null;
  field: RefObject<HTMLInputElement | null>;
  busy: boolean;
  problem: FormProblem | null;
  onTyped: (typed: boolean) => void;
  /** Saved at once (storage choice, clearing): these are not part of the form's draft. */
  saveNow: (changes: Changes) => void;
}

/** The bearer token: write-only (typed, sent once by Save, the field emptied), where it is kept, and clearing it. */
export function TokenFields({ current, shell, field, busy, problem, onTyped, saveNow }: TokenFieldsProps) {
  return (
    <fieldset>
      <legend>{t.settings.token}</legend>
      <p className="token-state" data-testid="token-state">{t.settings.tokenState(current.tokenLast4, current.tokenConfigured)}</p>
      <label htmlFor="token">{t.settings.replaceToken}</label>
      <input id="token" ref={field} type="password" autoComplete="new-password" spellCheck={false} defaultValue="" {...problemProps(problem, 'token', 'token-hint')} onChange={(e) => onTyped(e.target.value !== '')} />
      <p id="token-hint" className="hint">{t.settings.tokenHint}</p>
      <FieldProblem problem={problem} field="token" />
      <p className="token-storage" data-testid="token-storage">{shell === 'electron' ? t.settings.tokenStorage[current.tokenStorage] : t.settings.tokenStoragePreview}</p>
      {shell === 'electron' && current.tokenStorage !== 'encrypted' && (
        <label className="radio">
          <input type="checkbox" checked={current.tokenStorage === 'plain'} disabled={busy} onChange={(e) => saveNow({ plainTokenStorageAccepted: e.target.checked })} />
          {t.settings.allowPlain}
        </label>
      )}
      {current.tokenConfigured && (
        <button type="button" className="danger" disabled={busy} onClick={() => saveNow({ token: null })}>{t.settings.clearToken}</button>
      )}
    </fieldset>
  );
}
