import { t } from '../i18n';
import { Dialog } from './Dialog';
import './ShortcutSheet.css';

/** The keys the sheet lists, in the order a cashier meets them; the words are looked up at render time. */
const ROWS = [
  { key: 'F2', what: 'sell' },
  { key: 'F4', what: 'refund' },
  { key: 'F6', what: 'history' },
  { key: 'F9', what: 'settings' },
  { key: 'Enter', what: 'enter' },
  { key: 'Esc', what: 'esc' },
  { key: null, what: 'typeDigits' },
  { key: '?', what: 'help' },
] as const;

/** Every shortcut on one sheet, in a modal dialog (focus in, Tab kept inside, Esc or Close shuts it). */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog className="shortcut-sheet" labelledBy="shortcut-title" describedBy="shortcut-intro" onClose={onClose}>
      <h2 id="shortcut-title">{t.keys.title}</h2>
      <p id="shortcut-intro">{t.keys.intro}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.keys.keyColumn}</th>
            <th scope="col">{t.keys.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.what}>
              <th scope="row"><kbd>{row.key ?? t.keys.digits}</kbd></th>
              <td>{t.keys[row.what]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary big" onClick={onClose} aria-keyshortcuts="Escape">{t.keys.close}</button>
      </div>
    </Dialog>
  );
}
