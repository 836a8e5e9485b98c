import { useOwner } from '../hooks/useOwner';
import { t } from '../i18n';
import { HubSection } from './settings/HubSection';
import { PayeeSection } from './settings/PayeeSection';
import { SetPinForm } from './settings/SetPinForm';
import { SettingsForm } from './settings/SettingsForm';
import './settings/settings.css';

/** Settings are the owner's: a PIN is set on first entry, and asked for after that. */
export function SettingsScreen({ shell }: { shell: 'electron' | 'web-preview' | null }) {
  const { owner, askPin } = useOwner();
  if (!owner) return null;
  if (!owner.pinSet) return <SetPinForm change={false} />;
  if (!owner.unlocked) {
    return (
      <section className="settings owner-locked">
        <h2 className="screen-title">{t.owner.lockedTitle}</h2>
        <p>{t.owner.lockedBody}</p>
        <div className="actions">
          <button type="button" className="primary big" onClick={() => void askPin()}>{t.owner.unlock}</button>
        </div>
      </section>
    );
  }
  return (
    <div className="settings">
      <h2 className="screen-title">{t.settings.title}</h2>
      <PayeeSection />
      <SettingsForm shell={shell} />
      <HubSection />
      <SetPinForm change />
    </div>
  );
}
