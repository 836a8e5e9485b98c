import { useRef, useState } from 'react';
import type { PosError } from '../../../../electron/contract';
import type { OwnerKeyAnswer, OwnerKeyKind } from '../../../../electron/contract/hub';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { ts } from '../../i18n/shop';

const KINDS: readonly OwnerKeyKind[] = ['read', 'owner', 'payments'];

/**
 * A key for the owner's other tools (accounts, a spreadsheet, billing software), of the least kind it
 * needs (read unless the owner picks more): shown once, with a copy button and a warning.
 */
export function OwnerKeyMaker({ onMade }: { onMade: () => void }) {
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<OwnerKeyKind>('read');
  const [made, setMade] = useState<OwnerKeyAnswer | null>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const keyField = useRef<HTMLInputElement>(null);
  const { busy, run } = useSingleFlight();
  const { withOwner } = useOwner();

  const make = () =>
    void run(async () => {
      setError(null);
      setCopied(null);
      // Without a label the key is named for its kind in the screen's language: the list then reads in it too.
      const named = label.trim() || ts().shopHub.defaultKeyLabel[kind];
      const result = await withOwner(() => window.pos.makeOwnerKey({ label: named, kind }));
      if (!result.ok) return setError(result.error);
      setMade(result.value);
      setLabel('');
      onMade();
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
          <p className="owner-key-warning" role="alert"><span aria-hidden="true">⚠ </span>{ts().shopHub.keyWarning(made.kind)}</p>
          <label htmlFor="owner-key-value">{ts().shopHub.keyLabelShown(made.label)}</label>
          <div className="owner-key-row">
            <input id="owner-key-value" ref={keyField} readOnly value={made.key} spellCheck={false} onFocus={(e) => e.target.select()} />
            <button type="button" className="primary" onClick={() => void copy(made.key)}>{ts().shopHub.copy}</button>
          </div>
          <p className="notice" role="status">{copied === 'yes' ? ts().shopHub.copied : copied === 'no' ? ts().shopHub.copyByHand : ''}</p>
          <button type="button" onClick={() => setMade(null)}>{ts().shopHub.keyDone}</button>
        </div>
      ) : (
        <>
          <fieldset className="pairing-role owner-key-kind">
            <legend>{ts().shopHub.kindLabel}</legend>
            {KINDS.map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="owner-key-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>
                  {ts().shopHub.kinds[k]}
                  <span className="hint">{ts().shopHub.kindHints[k]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="owner-key-make">
            <div className="field owner-key-label">
              <label htmlFor="owner-key-label">{ts().shopHub.keyLabel}</label>
              <input id="owner-key-label" maxLength={60} autoComplete="off" value={label} onChange={(e) => setLabel(e.target.value)} />
            </div>
            <button type="button" className="primary" disabled={busy} aria-busy={busy} onClick={make}>{busy ? ts().shopHub.making : ts().shopHub.makeKey}</button>
          </div>
        </>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
