import type { Locator, Page } from 'playwright';
import { expect } from 'vitest';

/**
 * Is an element really in front of the person at the screen, right now, without scrolling?
 *
 *   const problem = await whyNotInView(page.getByRole('button', { name: 'Claim refund' }));
 *   await expectInView(page, { 'Claim refund': claimButton, 'its message': page.getByRole('alert') });
 *
 * An element fails when it is:
 * - outside the viewport (any part of it: below the bottom of the window, say),
 * - cut off by an ancestor whose overflow is not visible (a scrolling panel it is scrolled out of),
 * - covered by something else at its centre or near any corner (a banner, a dialog's backdrop),
 * - or has no size at all (display: none, or empty).
 * Its text is not judged, only its box. Give each locator one element (use .first() when needed).
 */
export async function whyNotInView(locator: Locator): Promise<string | null> {
  await locator.waitFor({ state: 'attached' });
  return locator.evaluate((element: Element) => {
    const name = (el: Element | null): string => {
      if (!el) return 'nothing';
      const id = el.id ? `#${el.id}` : '';
      const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${classes}>${text ? ` "${text}"` : ''}`;
    };
    const box = element.getBoundingClientRect();
    const r = (b: { left: number; top: number; right: number; bottom: number }) => `${Math.round(b.left)},${Math.round(b.top)} to ${Math.round(b.right)},${Math.round(b.bottom)}`;
    if (box.width === 0 || box.height === 0) return `${name(element)} has no size (not displayed?)`;
    const slack = 0.5;
    const viewport = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
    if (box.left < viewport.left - slack || box.top < viewport.top - slack || box.right > viewport.right + slack || box.bottom > viewport.bottom + slack) {
      return `${name(element)} at ${r(box)} is outside the ${viewport.right}×${viewport.bottom} viewport`;
    }
    for (let ancestor = element.parentElement; ancestor && ancestor !== document.documentElement; ancestor = ancestor.parentElement) {
      const style = getComputedStyle(ancestor);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const outer = ancestor.getBoundingClientRect();
      const inner = { left: outer.left + ancestor.clientLeft, top: outer.top + ancestor.clientTop, right: outer.left + ancestor.clientLeft + ancestor.clientWidth, bottom: outer.top + ancestor.clientTop + ancestor.clientHeight };
      if (box.left < inner.left - slack || box.top < inner.top - slack || box.right > inner.right + slack || box.bottom > inner.bottom + slack) {
        return `${name(element)} at ${r(box)} is cut off by ${name(ancestor)} (overflow ${style.overflowX}/${style.overflowY}, showing ${r(inner)})`;
      }
    }
    // Near each corner (inside a rounded one, where hits go to what is behind), and a 3 × 3 grid
    // across it: a strip laid over its middle is found too.
    const radius = Math.max(...['borderTopLeftRadius', 'borderTopRightRadius', 'borderBottomLeftRadius', 'borderBottomRightRadius'].map((side) => parseFloat(getComputedStyle(element).getPropertyValue(side.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))) || 0));
    const corner = Math.max(4, Math.ceil(radius * 0.3) + 1);
    const inX = Math.min(corner, box.width / 4);
    const inY = Math.min(corner, box.height / 4);
    const xs = [box.left + inX, box.left + box.width / 6, box.left + box.width / 2, box.right - box.width / 6, box.right - inX];
    const ys = [box.top + inY, box.top + box.height / 6, box.top + box.height / 2, box.bottom - box.height / 6, box.bottom - inY];
    const points: Array<[number, number]> = [];
    for (const [i, x] of xs.entries()) for (const [j, y] of ys.entries()) if ((i === 0 || i === 4) === (j === 0 || j === 4) || (i > 0 && i < 4 && j > 0 && j < 4)) points.push([x, y]);
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (hit !== element && !element.contains(hit)) return `${name(element)} is covered at ${Math.round(x)},${Math.round(y)} by ${name(hit)}`;
    }
    return null;
  });
}

/**
 * Fails (naming every element that is not in view and why) unless each named element is fully in
 * view at the page's current size. `where` goes into the failure message: the screen and the size.
 */
export async function expectInView(page: Page, elements: Record<string, Locator>, where = ''): Promise<void> {
  const size = page.viewportSize();
  const problems: string[] = [];
  for (const [what, locator] of Object.entries(elements)) {
    const problem = await whyNotInView(locator);
    if (problem) problems.push(`${what}: ${problem}`);
  }
  expect(problems, `not in view${where ? ` on ${where}` : ''}${size ? ` at ${size.width}×${size.height}` : ''}`).toEqual([]);
}
