import { lineOverview } from '../../services/lineOverview';
import { procedure } from '../registry';
import { noInput } from '../schemas';

export const lineProcedures = {
  'lines.overview': procedure({
    access: 'read',
    summary: 'Production lines with their order sequences and progress.',
    input: noInput,
    handler: (ctx) => lineOverview(ctx),
  }),
};
