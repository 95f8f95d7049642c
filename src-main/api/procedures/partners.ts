import { partnerList } from '../../services/partnerList';
import { procedure } from '../registry';
import { noInput } from '../schemas';

export const partnerProcedures = {
  'partners.list': procedure({
    access: 'read',
    summary: 'Suppliers and carriers with contacts and their last 7 days of punctuality.',
    input: noInput,
    handler: (ctx) => partnerList(ctx),
  }),
};
