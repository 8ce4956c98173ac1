import { useEffect, useRef } from 'react';
import { restoreField, snapshotFocusedField, type FieldSnapshot } from './field-snapshot';
import { WedgeDetector, type KeyVerdict } from './wedge-detector';
import { useWedgeSettings } from './wedge-settings-store';

export interface WedgeBurst {
  raw: string;
  unfinished: boolean;
  /** `KeyboardEvent.timeStamp` of the key that ended the burst. */
  endedAt: number;
}

/**
 * Listens to every key in the window before any field sees it (capture phase), so a scan is taken wherever the focus
 * is; the characters a scan left in a text field are taken back out, and its Enter never reaches a form.
 */
export function useWedgeScanner(onBurst: (burst: WedgeBurst) => void): void {
  const settings = useWedgeSettings((state) => state.settings);
  const onBurstRef = useRef(onBurst);
  onBurstRef.current = onBurst;

  useEffect(() => {
    const detector = new WedgeDetector(settings);
    let snapshot: FieldSnapshot | null = null;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;

    const finish = (verdict: KeyVerdict, endedAt: number) => {
      if (verdict.kind !== 'scan' && verdict.kind !== 'unfinished-then-pass') return;
      if (snapshot) restoreField(snapshot);
      snapshot = null;
      // A broken scan (the tail of a code whose head went astray) is as bad as one cut off: never taken as a code.
      const unfinished = verdict.kind === 'unfinished-then-pass' || verdict.broken === true;
      onBurstRef.current({ raw: verdict.raw, unfinished, endedAt });
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing && event.code === '') return;
      const verdict = detector.key({
        code: event.code,
        shiftKey: event.shiftKey,
        withCommandModifier: event.ctrlKey || event.altKey || event.metaKey,
        timeStamp: event.timeStamp,
      });
      if (verdict.kind === 'scan' || verdict.kind === 'swallow') {
        event.preventDefault();
        event.stopPropagation();
      }
      finish(verdict, event.timeStamp);
      // This key began a new burst: remember the field as it was before the key lands in it.
      if (detector.pendingSince === event.timeStamp && verdict.kind !== 'scan') snapshot = snapshotFocusedField();
      clearTimeout(flushTimer);
      flushTimer = setTimeout(() => finish(detector.flush(performance.now()), performance.now()), settings.unfinishedAfterMs);
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      clearTimeout(flushTimer);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, [settings]);
}
