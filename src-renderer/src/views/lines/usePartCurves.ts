import { useEffect, useRef, useState } from 'react';
import { ApiCallError, call, onConnectionChange, subscribe } from '../../api/client';
import type { PartCoverageCurve } from './types';

export interface PartCurves {
  curves: ReadonlyMap<string, PartCoverageCurve>;
  errors: ReadonlyMap<string, ApiCallError>;
  refetch: () => void;
}

const MIN_INTERVAL_MS = 1500;

/**
 * The stock curves of a few parts (the one on the chart and those feeding a stoppage), kept
 * current with the projection: one refetch for all of them per change, at most every 1.5 s.
 */
export function usePartCurves(partIds: readonly string[]): PartCurves {
  const key = [...new Set(partIds)].sort().join(',');
  const [curves, setCurves] = useState<ReadonlyMap<string, PartCoverageCurve>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, ApiCallError>>(new Map());
  const [version, setVersion] = useState(0);
  const generation = useRef(0);
  const lastRun = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(
        () => {
          timer = null;
          setVersion((current) => current + 1);
        },
        Math.max(0, lastRun.current + MIN_INTERVAL_MS - Date.now()),
      );
    };
    const offs = [
      subscribe('coverage.changed', schedule),
      subscribe('plant.reset', schedule),
      onConnectionChange((online) => {
        if (online) schedule();
      }),
    ];
    return () => {
      for (const off of offs) off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks for a refetch.
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    const mine = ++generation.current;
    lastRun.current = Date.now();
    if (ids.length === 0) return;
    void Promise.all(
      ids.map((partId) =>
        call('coverage.part', { partId }).then(
          (curve) => ({ partId, curve, error: null }),
          (error: unknown) => ({
            partId,
            curve: null,
            error: error instanceof ApiCallError ? error : new ApiCallError('INTERNAL', String(error)),
          }),
        ),
      ),
    ).then((results) => {
      if (mine !== generation.current) return;
      setCurves((previous) => {
        const next = new Map<string, PartCoverageCurve>();
        for (const result of results) {
          const curve = result.curve ?? previous.get(result.partId);
          if (curve) next.set(result.partId, curve);
        }
        return next;
      });
      setErrors(
        new Map(results.flatMap((result) => (result.error ? [[result.partId, result.error] as const] : []))),
      );
    });
  }, [key, version]);

  return { curves, errors, refetch: () => setVersion((current) => current + 1) };
}
