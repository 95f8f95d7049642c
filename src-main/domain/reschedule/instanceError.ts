/**
 * A malformed instance or schedule. `path` names the field ("orders[3].quantity", "plan",
 * "lines.L1"), `rule` the rule it breaks; the message is "path: rule".
 */
export class InstanceError extends Error {
  readonly path: string;
  readonly rule: string;

  constructor(path: string, rule: string) {
    super(`${path}: ${rule}`);
    this.name = 'InstanceError';
    this.path = path;
    this.rule = rule;
  }
}

/** A zod issue path as a person writes it: ["orders", 3, "quantity"] → "orders[3].quantity". */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(input)' : text;
}

/** The first zod issue as an InstanceError; a missing field reads "is required". */
export function issueError(
  raw: unknown,
  issue: { code: string; path: readonly PropertyKey[]; message: string },
): InstanceError {
  let value: unknown = raw;
  for (const key of issue.path) {
    value =
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  const missing = issue.code === 'invalid_type' && value === undefined;
  return new InstanceError(formatPath(issue.path), missing ? 'is required' : issue.message);
}
