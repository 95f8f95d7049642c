import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../api/result';
import { InstanceError, parseSchedule } from '../../domain/reschedule/index';
import type { Instance } from '../../domain/reschedule/types';

// Writing a sequence to the plan. Everything that decides whether the write is still right — the
// lines' current sequences — is read inside the same synchronous SQLite transaction as the write,
// so nothing (not even a simulator step) can slip in between the check and the write.

type Sequences = Readonly<Record<string, readonly string[]>>;

interface OpenOrderRow {
  id: string;
  line_id: string;
  status: string;
}

/**
 * The open orders of each line in plan order — the running order first, then by sequence — as
 * the coverage instance orders them (orders their line cannot make are left out there too).
 */
export function readLineSequences(
  sqlite: BetterSqlite3.Database,
  lineIds: readonly string[],
): Record<string, string[]> {
  const rows = sqlite
    .prepare(
      `SELECT o.id, o.line_id, o.status FROM production_order o
       JOIN line_rate r ON r.line_id = o.line_id AND r.product_id = o.product_id
       WHERE o.status IN ('planned', 'running') AND o.quantity > o.produced_units
       ORDER BY o.line_id, o.status = 'running' DESC, o.sequence, o.id`,
    )
    .all() as OpenOrderRow[];
  const sequences: Record<string, string[]> = Object.fromEntries(lineIds.map((id) => [id, []]));
  for (const row of rows) sequences[row.line_id]?.push(row.id);
  return sequences;
}

function lineNames(sqlite: BetterSqlite3.Database): Map<string, string> {
  const rows = sqlite.prepare('SELECT id, name FROM production_line').all() as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** What changed between the sequences a proposal expects and the current ones, in words; null: nothing. */
export function describePlanChange(
  sqlite: BetterSqlite3.Database,
  expected: Sequences,
  current: Sequences,
): string | null {
  const names = lineNames(sqlite);
  const lineOf = new Map<string, string>();
  for (const [line, sequence] of Object.entries(current)) for (const id of sequence) lineOf.set(id, line);
  const status = sqlite.prepare('SELECT status, line_id FROM production_order WHERE id = ?');
  for (const [line, sequence] of Object.entries(expected)) {
    const now = current[line] ?? [];
    for (const orderId of sequence) {
      if (now.includes(orderId)) continue;
      const row = status.get(orderId) as { status: string; line_id: string } | undefined;
      if (row?.status === 'done') return `order ${orderId} has finished`;
      if (lineOf.has(orderId) || (row && row.line_id !== line)) {
        return `order ${orderId} was moved to ${names.get(lineOf.get(orderId) ?? row?.line_id ?? '') ?? 'another line'}`;
      }
      return `order ${orderId} is no longer planned`;
    }
    const added = now.find((orderId) => !sequence.includes(orderId));
    if (added) return `order ${added} was added to ${names.get(line) ?? line}`;
    if (now.some((orderId, index) => sequence[index] !== orderId)) {
      return `the sequence of ${names.get(line) ?? line} was changed`;
    }
  }
  return null;
}

/** Refuses with CONFLICT unless the lines still run exactly `expected`. */
export function requireSequences(sqlite: BetterSqlite3.Database, expected: Sequences, what: string): void {
  const current = readLineSequences(sqlite, Object.keys(expected));
  const change = describePlanChange(sqlite, expected, current);
  if (change) {
    throw new DomainError('CONFLICT', `The plan changed since ${what}: ${change}. Nothing was changed.`, {
      reason: change,
    });
  }
}

/**
 * Checks a new sequence for some lines against the current instance (every order once, eligible
 * lines, frozen orders first). `conflict`: a rule broken because the plant moved on (CONFLICT);
 * otherwise the caller sent a sequence that breaks it (INVALID_INPUT).
 */
export function checkSequence(
  instance: Instance,
  lines: Sequences,
  mode: 'conflict' | 'input',
): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const [line, sequence] of Object.entries(instance.plan)) merged[line] = [...(lines[line] ?? sequence)];
  for (const [line, sequence] of Object.entries(lines)) merged[line] ??= [...sequence];
  try {
    return parseSchedule(instance, { lines: merged }).lines;
  } catch (error) {
    if (!(error instanceof InstanceError)) throw error;
    if (mode === 'input') {
      throw new DomainError('INVALID_INPUT', `${error.path}: ${error.rule}`, {
        issues: [{ field: error.path, message: error.rule }],
      });
    }
    throw new DomainError(
      'CONFLICT',
      `The plan changed since this sequence was made: ${error.rule}. Nothing was changed; compute the proposals again.`,
      { reason: error.rule },
    );
  }
}

/**
 * Writes the new sequences (line and sequence number of every order on those lines), numbered
 * after the line's finished orders. Runs inside the caller's transaction.
 */
export function writeSequences(sqlite: BetterSqlite3.Database, lines: Sequences): void {
  const lastDone = sqlite.prepare(
    "SELECT coalesce(max(sequence), 0) AS last FROM production_order WHERE line_id = ? AND status = 'done'",
  );
  const update = sqlite.prepare('UPDATE production_order SET line_id = ?, sequence = ? WHERE id = ?');
  for (const [line, sequence] of Object.entries(lines)) {
    const { last } = lastDone.get(line) as { last: number };
    sequence.forEach((orderId, index) => {
      update.run(line, last + 1 + index, orderId);
    });
  }
}

export function logPlanning(
  sqlite: BetterSqlite3.Database,
  entry: { at: number; kind: string; recommendationId: string; payload: unknown },
): void {
  sqlite
    .prepare(
      "INSERT INTO event_log (at, actor, kind, entity_type, entity_id, payload) VALUES (?, 'planner', ?, 'recommendation', ?, ?)",
    )
    .run(entry.at, entry.kind, entry.recommendationId, JSON.stringify(entry.payload));
}
