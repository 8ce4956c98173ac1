import { useEffect, useRef, type DependencyList } from 'react';

/**
 * Brings an element into view when it appears (and again when `deps` change): the finish dialog, a report, a print
 * status or the label step that follow a scan show up below a long table, and at 1280×800 nobody should have to
 * hunt for them. 'nearest' scrolls only as far as needed, so an element already in view does not move the screen.
 *
 *   const ref = useReveal<HTMLFormElement>([job.state]);  …  <form ref={ref}>
 */
export function useReveal<T extends HTMLElement>(deps: DependencyList = []) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    // The caller names what should bring it back into view.
  }, deps);
  return ref;
}
