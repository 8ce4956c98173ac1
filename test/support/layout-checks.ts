import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of an element a person can see: its box cut by the window and by every ancestor that clips (a scrolling
 * work area), or null when none of it shows.
 */
export function visibleBox(page: Page, testId: string): Promise<Box | null> {
  return page
    .getByTestId(testId)
    .first()
    .evaluate((element) => {
      const rect = element.getBoundingClientRect();
      let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      const cut = (other: { left: number; top: number; right: number; bottom: number }) => {
        box = {
          left: Math.max(box.left, other.left),
          top: Math.max(box.top, other.top),
          right: Math.min(box.right, other.right),
          bottom: Math.min(box.bottom, other.bottom),
        };
      };
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') cut(parent.getBoundingClientRect());
      }
      cut({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight });
      return box.right > box.left && box.bottom > box.top ? box : null;
    });
}

export function overlaps(a: Box | null, b: Box | null): boolean {
  return !!a && !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether the element is on screen and on top: the point at its centre (as far as it shows) hits it, not a banner or bar over it. */
export function inView(page: Page, testId: string): Promise<boolean> {
  return page
    .getByTestId(testId)
    .first()
    .evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const x = rect.left + Math.min(rect.width / 2, 40);
      const y = rect.top + Math.min(rect.height / 2, 20);
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return !!hit && (hit === element || element.contains(hit));
    });
}
