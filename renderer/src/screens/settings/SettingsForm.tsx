import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PosError, SettingsView } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { callPos } from '../../hooks/usePos';
import { useOwner } from '../../hooks/useOwner';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';
import { ConnectionTest } from './ConnectionTest';
import { CounterPrefsFields } from './CounterPrefs';
import { changesFrom, draftOf, isDirty, type Changes, type Draft } from './draft';
import { FIELD_INPUT, FieldProblem, fieldOf, problemProps, type FormProblem } from './FieldProblem';
import { LeaveDialog } from './LeaveDialog';
import { TokenFields } from './TokenFields';
import { useLeaveGuard } from './useLeaveGuard';

type Notice = 'saved' | 'nothingChanged' | 'discarded';

/**
 * Owner settings, sent by Save. Leaving the screen with changes not saved (another tab, its key,
 * Lock) asks first. The bearer token is write-only: typed, sent once by Save, and the field emptied.
 */
export function SettingsForm({ shell }: { shell: 'electron' | 'web-preview' | null }) {
  const { withOwner } = useOwner();
  const [current, setCurrent] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tokenTyped, setTokenTyped] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [loadError, setLoadError] = useState<PosError | null>(null);
  // A key, worded when shown: "Saved." after switching to Hindi is said in Hindi.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const { busy, run } = useSingleFlight();
  const tokenField = useRef<HTMLInputElement>(null);

  const clearToken = () => {
    if (tokenField.current) tokenField.current.value = '';
    setTokenTyped(false);
  };
  const load = (view: SettingsView) => {
    setCurrent(view);
    setDraft(draftOf(view));
    clearToken();
  };
  useEffect(() => {
    void callPos(() => window.pos.getSettings()).then((result) => (result.ok ? load(result.value) : setLoadError(result.error)));
  }, []);

  const dirty = current !== null && draft !== null && isDirty(draft, tokenTyped, current);
  useLeaveGuard(dirty, (resume) => setLeaving(() => resume));

  const refuse = (next: FormProblem) => {
    setNotice(null);
    setProblem(next);
    if (next.field) document.getElementById(FIELD_INPUT[next.field])?.focus();
  };

  /** `whole`: the form's Save (the draft becomes what was saved); else one control saved at once, the draft's other edits kept. */
  const save = (changes: Changes, whole: boolean): Promise<boolean> =>
    run(async () => {
      setProblem(null);
      setNotice(null);
      const result = await withOwner(() => window.pos.updateSettings(changes));
      if (!result.ok) {
        refuse({ field: fieldOf(result.error), error: result.error, fromMain: true });
        return false;
      }
      if (whole) load(result.value);
      else setCurrent(result.value);
      setNotice('saved');
      return true;
    }).then((saved) => saved === true);

  /** The form as typed: refused with its first problem, "nothing changed", or saved. */
  const saveForm = async (): Promise<boolean> => {
    if (!current || !draft) return false;
    const outcome = changesFrom(draft, tokenField.current?.value ?? '', current);
    if ('problem' in outcome) {
      refuse({ field: outcome.field, error: { code: 'invalid_input', message: outcome.problem }, fromMain: false });
      return false;
    }
    if (Object.keys(outcome.changes).length === 0) {
      setProblem(null);
      setNotice('nothingChanged');
      return true;
    }
    return save(outcome.changes, true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saveForm();
  };
  const discard = () => {
    if (current) load(current);
    setProblem(null);
    setNotice('discarded');
  };
  const goOn = (resume: () => void, saved: boolean) => {
    setLeaving(null);
    if (saved) resume();
  };

  if (!current || !draft) return loadError ? <ErrorBox error={loadError} /> : null;
  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setNotice(null);
  };
  const generalProblem = problem && !problem.field ? problem.error : null;

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <p className="hint save-hint">{t.settings.saveHint}</p>
      <fieldset>
        <legend>{t.settings.environment}</legend>
        <label className="radio">
          <input type="radio" name="environment" checked={draft.environment === 'sandbox'} onChange={() => edit({ environment: 'sandbox' })} />
          {t.settings.sandbox}
        </label>
        <label className="radio">
          <input type="radio" name="environment" checked={draft.environment === 'live'} onChange={() => edit({ environment: 'live' })} />
          {t.settings.live}
        </label>
        <label className="radio status-call">
          <input type="checkbox" checked={draft.statusCallLive} aria-describedby="status-call-hint" onChange={(e) => edit({ statusCallLive: e.target.checked })} />
          {t.settings.statusCall}
        </label>
        <p id="status-call-hint" className="hint">{t.settings.statusCallHint}</p>
      </fieldset>

      <div className="field">
        <label htmlFor="live-url">{t.settings.liveBaseUrl}</label>
        <input id="live-url" type="url" autoComplete="off" spellCheck={false} value={draft.liveBaseUrl} {...problemProps(problem, 'liveBaseUrl')} onChange={(e) => edit({ liveBaseUrl: e.target.value })} />
        <FieldProblem problem={problem} field="liveBaseUrl" />
      </div>

      <div className="field">
        <label htmlFor="registration-id">{t.settings.registrationId}</label>
        <input id="registration-id" autoComplete="off" spellCheck={false} value={draft.registrationId} {...problemProps(problem, 'registrationId', 'registration-id-hint')} onChange={(e) => edit({ registrationId: e.target.value })} />
        <p id="registration-id-hint" className="hint">{t.settings.registrationCurrent(current.registrationIdHint)}</p>
        <FieldProblem problem={problem} field="registrationId" />
      </div>

      <TokenFields current={current} shell={shell} field={tokenField} busy={busy} problem={problem} onTyped={(typed) => { setTokenTyped(typed); setNotice(null); }} saveNow={(changes) => void save(changes, false)} />

      <div className="field">
        <label htmlFor="terminal-name">{t.settings.terminalName}</label>
        <input id="terminal-name" autoComplete="off" maxLength={40} value={draft.terminalName} {...problemProps(problem, 'terminalName')} onChange={(e) => edit({ terminalName: e.target.value })} />
        <FieldProblem problem={problem} field="terminalName" />
      </div>

      <div className="field">
        <label htmlFor="cap">{t.settings.cap}</label>
        <input id="cap" inputMode="decimal" autoComplete="off" value={draft.cap} {...problemProps(problem, 'cap')} onChange={(e) => edit({ cap: e.target.value })} />
        <FieldProblem problem={problem} field="cap" />
      </div>

      <CounterPrefsFields prefs={draft.prefs} onChange={(prefs) => edit({ prefs })} />

      <div className="actions save-bar">
        <button type="submit" className="primary big" disabled={busy} aria-busy={busy}>{busy ? t.settings.saving : t.settings.save}</button>
        {dirty && <button type="button" className="big" disabled={busy} onClick={discard}>{t.settings.discard}</button>}
        <ConnectionTest />
      </div>
      <p className={dirty ? 'notice unsaved' : 'notice'} role="status" data-testid="settings-notice">{dirty ? t.settings.unsaved : notice ? t.settings[notice] : ''}</p>
      {generalProblem && <ErrorBox error={generalProblem} />}
      {leaving && (
        <LeaveDialog
          busy={busy}
          onSave={() => void saveForm().then((saved) => goOn(leaving, saved))}
          onDiscard={() => {
            discard();
            goOn(leaving, true);
          }}
          onStay={() => setLeaving(null)}
        />
      )}
    </form>
  );
}
