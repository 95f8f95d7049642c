import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  EventName,
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
} from '../../../src-main/api/contract';
import { ApiCallError, call, onConnectionChange, subscribe } from '../api/client';

export interface ProcedureState<T> {
  data: T | undefined;
  error: ApiCallError | null;
  loading: boolean;
  refetch: () => void;
}

/**
 * Loads a read procedure and keeps it current: it refetches when one of `refreshOn` arrives,
 * at most once per `minIntervalMs`, and never runs two fetches of the same view at once.
 */
export function useProcedure<N extends ProcedureName>(
  name: N,
  input: ProcedureInput<N>,
  options: { refreshOn?: EventName[]; minIntervalMs?: number; enabled?: boolean } = {},
): ProcedureState<ProcedureOutput<N>> {
  const { refreshOn = [], minIntervalMs = 1000, enabled = true } = options;
  const [data, setData] = useState<ProcedureOutput<N>>();
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const key = JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;
  const inFlight = useRef(false);
  const pending = useRef(false);
  const lastRun = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const generation = useRef(0);

  const run = useCallback(async () => {
    if (inFlight.current) {
      pending.current = true;
      return;
    }
    inFlight.current = true;
    lastRun.current = Date.now();
    const mine = generation.current;
    try {
      const value = await call(name, inputRef.current);
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (caught) {
      if (mine === generation.current) {
        setError(caught instanceof ApiCallError ? caught : new ApiCallError('INTERNAL', String(caught)));
      }
    } finally {
      inFlight.current = false;
      if (mine === generation.current) setLoading(false);
      if (pending.current) {
        pending.current = false;
        void run();
      }
    }
  }, [name]);

  const schedule = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(0, lastRun.current + minIntervalMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      void run();
    }, wait);
  }, [run, minIntervalMs]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the input's content.
  useEffect(() => {
    if (!enabled) return;
    generation.current += 1;
    setLoading(true);
    void run();
  }, [run, key, enabled]);

  const events = refreshOn.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `events` stands for the list's content.
  useEffect(() => {
    if (!enabled) return;
    const offs = refreshOn.map((event) => subscribe(event, schedule));
    // Events sent while the link was down are lost: catch up once it is back.
    const offConnection = onConnectionChange((online) => {
      if (online) schedule();
    });
    return () => {
      for (const off of offs) off();
      offConnection();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [events, schedule, enabled]);

  return { data, error, loading, refetch: () => void run() };
}
