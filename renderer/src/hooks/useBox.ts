import { useEffect, useState, type RefObject } from 'react';

/** An element's inner size (content box, CSS px), following every change of it; 0 × 0 until laid out. */
export function useBox(element: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [box, setBox] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const target = element.current;
    if (!target) return undefined;
    const measure = () => {
      const style = getComputedStyle(target);
      const width = target.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const height = target.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      setBox((current) => (current.width === width && current.height === height ? current : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return box;
}
