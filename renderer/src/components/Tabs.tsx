import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
  /** The function key that opens it, shown beside the label and exposed as aria-keyshortcuts. */
  shortcut: string;
}

/** Large tab buttons (role tab) with arrow-key movement between them, as the ARIA tabs pattern expects. */
export function Tabs<Id extends string>({ items, selected, onSelect, label }: { items: readonly TabItem<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string }) {
  const buttons = useRef(new Map<Id, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = event.key === 'Home' ? items[0] : event.key === 'End' ? items[items.length - 1] : step ? items[(index + step + items.length) % items.length] : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target.id);
    buttons.current.get(target.id)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {items.map((item, index) => (
        <button
          key={item.id}
          ref={(element) => {
            if (element) buttons.current.set(item.id, element);
            else buttons.current.delete(item.id);
          }}
          type="button"
          role="tab"
          id={`tab-${item.id}`}
          aria-controls={`panel-${item.id}`}
          aria-selected={item.id === selected}
          aria-keyshortcuts={item.shortcut}
          tabIndex={item.id === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(item.id)}
          onKeyDown={(event) => move(event, index)}
        >
          {item.label}
          <kbd aria-hidden="true">{item.shortcut}</kbd>
        </button>
      ))}
    </div>
  );
}
