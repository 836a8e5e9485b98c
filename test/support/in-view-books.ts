import type { Locator, Page } from 'playwright';

/**
 * Whether an element is really there for a person: scrolled to, then inside the window, not cut
 * by an ancestor that clips, not covered by something else, and no text inside it cut short (an
 * ellipsis counts only where the element's tooltip holds the whole text). The list of what is
 * wrong, in words; empty when all is well.
 */
export async function inViewProblems(target: Locator): Promise<string[]> {
  await target.scrollIntoViewIfNeeded();
  return target.evaluate((element) => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const box = element.getBoundingClientRect();
    const slack = 1;
    if (box.width === 0 || box.height === 0) problems.push(`${name(element)} has no size`);
    if (box.left < -slack || box.top < -slack || box.right > window.innerWidth + slack || box.bottom > window.innerHeight + slack) {
      problems.push(`${name(element)} is outside the window (${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)} in ${window.innerWidth}×${window.innerHeight})`);
    }
    for (let up = element.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = up.getBoundingClientRect();
      if (box.left < clip.left - slack || box.right > clip.right + slack || box.top < clip.top - slack || box.bottom > clip.bottom + slack) {
        problems.push(`${name(element)} is cut by ${name(up)}`);
      }
    }
    const inset = Math.min(4, box.width / 4, box.height / 4);
    const points: Array<[number, number]> = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ];
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== element && !element.contains(hit)) {
        problems.push(`${name(element)} is covered at ${Math.round(x)},${Math.round(y)} by ${name(hit)}`);
        break;
      }
    }
    for (const el of [element, ...element.querySelectorAll('*')]) {
      if (!(el instanceof HTMLElement) || el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible') continue;
      if (el.scrollWidth > el.clientWidth + slack && el.title !== el.textContent?.trim()) problems.push(`${name(el)} cuts its text "${el.textContent?.trim()}"`);
    }
    return problems;
  });
}

/** Problems of many elements at once (each one's own list, named by its index). */
export async function allInViewProblems(targets: Locator): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, one] of (await targets.all()).entries()) problems.push(...(await inViewProblems(one)).map((p) => `#${index}: ${p}`));
  return problems;
}

/** The page is no wider than the window: nothing is reachable only by scrolling sideways. */
export function pageFitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * A drop-down shows its chosen option whole: the option's text, in the select's own font, fits the
 * select's inner width less the arrow (a closed select cuts its text without saying so). The arrow's
 * width is the browser's: measured on a copy of the select sized to that text alone.
 */
export function selectShowsWholeChoice(select: Locator): Promise<{ fits: boolean; text: string; textPx: number; roomPx: number }> {
  return select.evaluate((element) => {
    const el = element as HTMLSelectElement;
    const text = el.selectedOptions[0]?.text ?? '';
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const textPx = context.measureText(text).width;
    // The browser's own arrow: what a select sized to this one text needs beyond the text and padding.
    const probe = el.cloneNode(false) as HTMLSelectElement;
    probe.removeAttribute('id');
    probe.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none';
    probe.append(new Option(text));
    el.parentElement!.append(probe);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const arrowPx = probe.clientWidth - padding - textPx;
    probe.remove();
    const roomPx = el.clientWidth - padding - arrowPx;
    return { fits: textPx <= roomPx, text, textPx: Math.round(textPx), roomPx: Math.round(roomPx) };
  });
}
