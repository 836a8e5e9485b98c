import { useState } from 'react';
import { ts } from '../../i18n/shop';
import { CountersList } from './CountersList';
import { OwnerKeyMaker } from './OwnerKeyMaker';
import { OwnerKeysList } from './OwnerKeysList';
import { PairingCodeMaker } from './PairingCodeMaker';
import './shop-owner.css';

/** The owner's part of the shop hub section: only on a Counter paired as the owner's. */
export function ShopOwnerPanel() {
  const [made, setMade] = useState(0);
  // A key made, or a terminal revoked (its keys go with it): the key list is read again.
  const [keysChanged, setKeysChanged] = useState(0);
  return (
    <div className="shop-owner-panel" data-testid="shop-owner-panel">
      <p className="hint">{ts().shopHub.intro}</p>
      <PairingCodeMaker onMade={() => setMade((n) => n + 1)} />
      <CountersList version={made} onRevoked={() => setKeysChanged((n) => n + 1)} />
      <OwnerKeyMaker onMade={() => setKeysChanged((n) => n + 1)} />
      <OwnerKeysList version={keysChanged} />
    </div>
  );
}
