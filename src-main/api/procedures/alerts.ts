import { openAlerts } from '../../services/alerts';
import { procedure } from '../registry';
import { noInput } from '../schemas';

export const alertProcedures = {
  'alerts.list': procedure({
    access: 'read',
    summary: 'Open alerts: late trucks, missed slots, parts below safety stock.',
    input: noInput,
    handler: (ctx) => openAlerts(ctx),
  }),
};
