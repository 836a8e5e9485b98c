import { useState } from 'react';
import type { ConnectionTestView, PosError } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { callPos } from '../../hooks/usePos';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { language, t } from '../../i18n';
import { en } from '../../i18n/en';

/** The built-in sandbox is named in the language in use; a Live host as it is. */
const hostName = (result: ConnectionTestView) => (result.sandbox ? t.settings.sandboxHost : result.host);

/** A harmless call to BOS with the saved settings: reachable, credentials refused, or unreachable, in plain words. */
export function ConnectionTest() {
  const [result, setResult] = useState<ConnectionTestView | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const test = () =>
    void run(async () => {
      setResult(null);
      setError(null);
      const answer = await callPos(() => window.pos.testConnection());
      if (answer.ok) setResult(answer.value);
      else setError(answer.error);
    });
  return (
    <div className="connection-test">
      <button type="button" disabled={busy} aria-busy={busy} onClick={test}>{busy ? t.settings.testing : t.settings.testConnection}</button>
      <div role="status" className={result ? `test-result test-${result.outcome}` : 'test-result'}>
        {result && (
          <>
            <strong>{t.settings.testOutcome[result.outcome]}</strong> {t.settings.testAt(hostName(result))}: {language() === 'en' ? result.message : t.settings.testMeaning[result.outcome]}
            {/* Main's English stays below only when it says more than the sentence above it (BOS's own words, say). */}
            {language() !== 'en' && result.message !== en.settings.testMeaning[result.outcome] && (
              <span className="english-line" lang="en-IN">{result.message}</span>
            )}
          </>
        )}
      </div>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
