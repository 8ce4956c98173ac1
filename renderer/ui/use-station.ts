import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/station-contract';
import { useFeedback } from '../features/scanning/feedback-store';
import { station, StationCallError } from '../station-client/station-client';
import { errorText } from './error-text';

/** What a screen loaded from the station: the answer, or why there is none yet. */
export interface StationLoad<T> {
  /** The last answer; kept while a reload runs so the list does not blink away. */
  data: T | null;
  /** True until the first answer (or refusal), and again while a reload runs. */
  loading: boolean;
  /** The refusal of the last try (a StationCallError or anything thrown); null once an answer came. */
  error: unknown;
  /** Asks again, e.g. after the hub came back, or after a step that changed what the list shows. */
  reload(): void;
}

/** A refusal goes to the scan banner (colour and sound), worded again whenever the language changes. */
export function signalRefusal(error: unknown): void {
  // The hub's own words are in one language already: a plain string, dropped if the language changes.
  const hubWords = error instanceof StationCallError ? error.error.message : undefined;
  useFeedback.getState().signal('bad', hubWords ?? ((t) => errorText(t, error)));
}

/**
 * Loads what a screen shows from the station and keeps its refusal: no screen waits forever or shows an empty list
 * for a load the station refused. `enabled: false` skips the call (e.g. the picker while a bundle is open).
 */
export function useStationLoad<M extends MethodName>(method: M, input: MethodInput<M>, options: { enabled?: boolean } = {}): StationLoad<MethodOutput<M>> {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<MethodOutput<M> | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // The input by value: a literal written in the render is a new object every time.
  const inputKey = JSON.stringify(input);
  const latest = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const call = ++latest.current;
    setLoading(true);
    station.call(method, JSON.parse(inputKey) as MethodInput<M>).then(
      (answer) => {
        if (call !== latest.current) return;
        setData(answer);
        setError(null);
        setLoading(false);
      },
      (refusal: unknown) => {
        if (call !== latest.current) return;
        setError(refusal);
        setLoading(false);
        signalRefusal(refusal);
      },
    );
  }, [method, inputKey, enabled, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { data, loading, error, reload };
}

/**
 * A step the user takes (a button, a scan): `run` calls the station and gives its answer, or sends the refusal to
 * the scan banner and gives undefined. `busy` is true while a call runs, to keep a button from being pressed twice.
 */
export function useStationCall(): { busy: boolean; run<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> } {
  const [running, setRunning] = useState(0);
  const run = useCallback(async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> => {
    setRunning((count) => count + 1);
    try {
      return await station.call(method, input);
    } catch (error) {
      signalRefusal(error);
      return undefined;
    } finally {
      setRunning((count) => count - 1);
    }
  }, []);
  return { busy: running > 0, run };
}
