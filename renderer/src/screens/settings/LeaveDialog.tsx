import { useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import { t } from '../../i18n';

/** Asked when the owner would leave Settings with changes not saved: save them, drop them, or stay. */
export function LeaveDialog({ busy, onSave, onDiscard, onStay }: { busy: boolean; onSave: () => void; onDiscard: () => void; onStay: () => void }) {
  const save = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy="leave-title" describedBy="leave-body" className="leave-dialog" initialFocus={save} onClose={onStay}>
      <h2 id="leave-title">{t.settings.leaveTitle}</h2>
      <p id="leave-body">{t.settings.leaveBody}</p>
      <div className="actions">
        <button ref={save} type="button" className="primary big" disabled={busy} aria-busy={busy} onClick={onSave}>{t.settings.leaveSave}</button>
        <button type="button" className="big danger" disabled={busy} onClick={onDiscard}>{t.settings.leaveDiscard}</button>
        <button type="button" className="big" disabled={busy} onClick={onStay}>{t.settings.leaveStay}</button>
      </div>
    </Dialog>
  );
}
