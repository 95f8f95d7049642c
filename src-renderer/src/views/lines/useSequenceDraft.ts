import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiCallError, call } from '../../api/client';
import {
  baseSequence,
  draftChanges,
  type MoveResult,
  moveOrder,
  orderPlaces,
  reconcileDraft,
  type Sequence,
  sameSequence,
} from './draftSequence';
import type { CoverageLine, SequenceEvaluation } from './types';

export type DraftEffect =
  | { state: 'evaluating'; last: SequenceEvaluation | null }
  | { state: 'ready'; value: SequenceEvaluation }
  | { state: 'refused'; message: string }
  | { state: 'failed'; message: string };

export interface SequenceDraft {
  base: Sequence;
  /** The draft, or null when the planner has not moved anything. */
  draft: Sequence | null;
  effect: DraftEffect | null;
  changes: ReturnType<typeof draftChanges>;
  saving: boolean;
  saveError: string | null;
  canStepBack: boolean;
  move(orderId: string, toLine: string, toIndex: number): MoveResult;
  /** Opens a whole sequence as the draft (a proposal to adjust before saving). */
  open(lines: Sequence): void;
  stepBack(): void;
  discard(): void;
  save(): Promise<boolean>;
}

const EVALUATE_DELAY_MS = 120;

/**
 * The planner's own sequence before it is saved: every change is evaluated by the server (the
 * only evaluator whose numbers count), the newest request wins, and a refusal says the rule.
 */
export function useSequenceDraft(lines: readonly CoverageLine[] | undefined): SequenceDraft {
  const base = useMemo(() => baseSequence(lines ?? []), [lines]);
  const places = useMemo(() => orderPlaces(lines ?? []), [lines]);
  const [rawDraft, setRawDraft] = useState<Sequence | null>(null);
  const [history, setHistory] = useState<Sequence[]>([]);
  const [effect, setEffect] = useState<DraftEffect | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const generation = useRef(0);

  const draft = useMemo(() => {
    if (!rawDraft) return null;
    const reconciled = reconcileDraft(rawDraft, base);
    return sameSequence(reconciled, base) ? null : reconciled;
  }, [rawDraft, base]);
  const changes = useMemo(() => (draft ? draftChanges(base, draft) : []), [draft, base]);

  const draftKey = draft ? JSON.stringify(draft) : '';
  const baseKey = JSON.stringify(base);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for the sequences' content.
  useEffect(() => {
    const mine = ++generation.current;
    if (!draft) {
      setEffect(null);
      return;
    }
    setEffect((previous) => ({
      state: 'evaluating',
      last:
        previous?.state === 'ready'
          ? previous.value
          : previous?.state === 'evaluating'
            ? previous.last
            : null,
    }));
    const timer = setTimeout(() => {
      call('lines.evaluateSequence', { lines: draft }).then(
        (value) => {
          if (mine === generation.current) setEffect({ state: 'ready', value });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          const message = error instanceof Error ? error.message : String(error);
          const refused = error instanceof ApiCallError && error.code === 'INVALID_INPUT';
          setEffect({ state: refused ? 'refused' : 'failed', message });
        },
      );
    }, EVALUATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draftKey, baseKey]);

  const move = useCallback(
    (orderId: string, toLine: string, toIndex: number): MoveResult => {
      const current = draft ?? base;
      const result = moveOrder(current, places, orderId, toLine, toIndex);
      if (result.ok) {
        setHistory((previous) => [...previous, current]);
        setRawDraft(result.sequence);
        setSaveError(null);
      }
      return result;
    },
    [draft, base, places],
  );

  const open = useCallback(
    (proposed: Sequence) => {
      setHistory((previous) => [...previous, draft ?? base]);
      setRawDraft({ ...base, ...proposed });
      setSaveError(null);
    },
    [draft, base],
  );

  const stepBack = useCallback(() => {
    setRawDraft(history.at(-1) ?? null);
    setHistory(history.slice(0, -1));
  }, [history]);

  const discard = useCallback(() => {
    generation.current++;
    setRawDraft(null);
    setHistory([]);
    setEffect(null);
    setSaveError(null);
  }, []);

  const save = useCallback(async () => {
    if (!draft) return false;
    setSaving(true);
    setSaveError(null);
    try {
      await call('lines.saveSequence', { lines: draft });
      discard();
      return true;
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      setSaving(false);
    }
  }, [draft, discard]);

  return {
    base,
    draft,
    effect,
    changes,
    saving,
    saveError,
    canStepBack: history.length > 0 && draft !== null,
    move,
    open,
    stepBack,
    discard,
    save,
  };
}
