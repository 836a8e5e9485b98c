import type { RefObject } from 'react';
import { useKeyDown } from './useKeyDown';

/** True when the key goes into whatever has focus: a text field, a list box or an editable element. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
}

const AMOUNT_KEY = /^[0-9.]$/;
const plain = (event: KeyboardEvent) => !event.altKey && !event.ctrlKey && !event.metaKey;
/** Focus on the page itself or on a screen's panel, not on any control. */
const nothingFocused = () => {
  const active = document.activeElement;
  return !active || active === document.body || active.getAttribute('role') === 'tabpanel';
};
const modalOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/**
 * Digits straight into the amount: on Sell, with nothing editable focused and the Amount field on
 * screen, a digit or '.' moves the cursor to the end of the field. The key is not prevented, so the
 * browser types it into the field that now has focus. Enter with nothing focused asks for the QR.
 * Off while a dialog (the shortcut sheet, the PIN) is open.
 */
export function useDigitsIntoAmount(amount: RefObject<HTMLInputElement | null>, enabled: boolean): void {
  useKeyDown((event) => {
    if (!plain(event) || event.defaultPrevented || modalOpen()) return;
    const field = amount.current;
    if (!field || field.disabled || field.readOnly || field.offsetParent === null) return;
    // Enter with nothing focused (the cursor was clicked away) asks for the QR, as it does from the field.
    if (event.key === 'Enter' && !event.repeat && nothingFocused()) {
      event.preventDefault();
      field.form?.requestSubmit();
      return;
    }
    if (!AMOUNT_KEY.test(event.key)) return;
    if (isEditable(event.target) || isEditable(document.activeElement)) return;
    field.focus();
    const end = field.value.length;
    field.setSelectionRange(end, end);
  }, enabled);
}

/** A field that never takes `?` as text (Amount: digits and the point only) says so with data-help-key="on". */
const takesText = (target: EventTarget | null): boolean => isEditable(target) && !(target instanceof HTMLElement && target.dataset.helpKey === 'on');

/** `?` (Shift+/ on most layouts) opens the shortcut sheet, unless a text field is taking the key. */
export function useHelpKey(onHelp: () => void, enabled: boolean): void {
  useKeyDown((event) => {
    if (event.key !== '?' || !plain(event) || event.defaultPrevented) return;
    if (takesText(event.target) || takesText(document.activeElement) || modalOpen()) return;
    event.preventDefault();
    onHelp();
  }, enabled);
}
