import { useRef, useState } from 'react';
import type { PosError } from '../../../../electron/contract';
import type { OwnerKeyAnswer } from '../../../../electron/contract/hub';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { ts } from '../../i18n/shop';

/** A key for the owner's other tools (accounts, a spreadsheet): shown once, with a copy button and a warning. */
export function OwnerKeyMaker() {
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<(OwnerKeyAnswer & { labelled: boolean }) | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const keyField = useRef<HTMLInputElement>(null);
  const { busy, run } = useSingleFlight();
  const { withOwner } = useOwner();

  const make = () =>
    void run(async () => {
      setError(null);
      setCopied(null);
      const trimmed = label.trim();
      const result = await withOwner(() => window.pos.makeOwnerKey(trimmed ? { label: trimmed } : {}));
      if (!result.ok) return setError(result.error);
      // Without a label the hub names it in English ("Owner key"): the screen then says it in its own language.
      setMade({ ...result.value, labelled: trimmed !== '' });
      setLabel('');
    });
  const copy = async (key: string) => {
    keyField.current?.select();
    try {
      await navigator.clipboard.writeText(key);
      setCopied('yes');
    } catch {
      // No clipboard in this window: the key is selected, for Ctrl+C.
      setCopied('no');
    }
  };

  return (
    <section className="shop-hub-part" aria-labelledby="owner-key-title">
      <h4 id="owner-key-title">{ts().shopHub.keyTitle}</h4>
      <p className="hint">{ts().shopHub.keyIntro}</p>
      {made ? (
        <div className="owner-key-box" data-testid="owner-key">
          <p className="owner-key-warning" role="alert"><span aria-hidden="true">⚠ </span>{ts().shopHub.keyWarning}</p>
          <label htmlFor="owner-key-value">{made.labelled ? ts().shopHub.keyLabelShown(made.label) : ts().shopHub.keyTitle}</label>
          <div className="owner-key-row">
            <input id="owner-key-value" ref={keyField} readOnly value={made.key} spellCheck={false} onFocus={(e) => e.target.select()} />
            <button type="button" className="primary" onClick={() => void copy(made.key)}>{ts().shopHub.copy}</button>
          </div>
          <p className="notice" role="status">{copied === 'yes' ? ts().shopHub.copied : copied === 'no' ? ts().shopHub.copyByHand : ''}</p>
          <button type="button" onClick={() => setMade(null)}>{ts().shopHub.keyDone}</button>
        </div>
      ) : (
        <div className="owner-key-make">
          <div className="field">
            <label htmlFor="owner-key-label">{ts().shopHub.keyLabel}</label>
            <input id="owner-key-label" maxLength={60} autoComplete="off" value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <button type="button" className="primary" disabled={busy} aria-busy={busy} onClick={make}>{busy ? ts().shopHub.making : ts().shopHub.makeKey}</button>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
