import { type RefObject, useEffect, useState } from 'react';
import type { Viewport } from './virtualWindow';

/**
 * The scroll position and size of the timeline's scroller, minus its sticky parts (the axis on
 * top, the door column on the left). Updated once per frame at most while scrolling.
 */
export function useViewport(
  scroller: RefObject<HTMLDivElement | null>,
  sticky: { top: number; left: number },
  ready: boolean,
): Viewport {
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, scrollLeft: 0, height: 0, width: 0 });
  useEffect(() => {
    const element = scroller.current;
    if (!element || !ready) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setViewport((previous) => {
        const next = {
          scrollTop: element.scrollTop,
          scrollLeft: element.scrollLeft,
          height: Math.max(0, element.clientHeight - sticky.top),
          width: Math.max(0, element.clientWidth - sticky.left),
        };
        return previous.scrollTop === next.scrollTop &&
          previous.scrollLeft === next.scrollLeft &&
          previous.height === next.height &&
          previous.width === next.width
          ? previous
          : next;
      });
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [scroller, sticky.top, sticky.left, ready]);
  return viewport;
}
