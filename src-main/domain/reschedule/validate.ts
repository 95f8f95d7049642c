import { parseInstanceFields } from './instanceSchema';
import { checkRelations } from './relations';
import type { Instance } from './types';

export { InstanceError } from './instanceError';
export { parseInstance } from './instanceSchema';

/**
 * Checks an instance built in code (from the database, say) by the same rules as parseInstance:
 * shape, per-field rules, and the rules between fields. Throws InstanceError naming the field.
 */
export function validateInstance(instance: Instance): void {
  checkRelations(parseInstanceFields(instance));
}
