import { useEffect, useRef } from 'react';
import type { Scan } from '../../../shared/contract/schemas';

type Consumer = (scan: Scan) => void;

let current: { consume: Consumer } | null = null;

/** The open screen that wants good scans (the dock, inspection); without one, scans only go to the scan log. */
export function useScanConsumer(consume: Consumer): void {
  const latest = useRef(consume);
  latest.current = consume;
  useEffect(() => {
    const mine = { consume: (scan: Scan) => latest.current(scan) };
    current = mine;
    return () => {
      if (current === mine) current = null;
    };
  }, []);
}

export function scanConsumer(): Consumer | null {
  return current?.consume ?? null;
}
