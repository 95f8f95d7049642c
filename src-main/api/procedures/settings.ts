import { readSettings } from '../../services/settings/readSettings';
import { settingsUpdate } from '../../services/settings/settingsSchema';
import { updateSettings } from '../../services/settings/updateSettings';
import { procedure } from '../registry';
import { noInput } from '../schemas';

// The plant's settings: location and geofence, time zone, shifts, frozen window, lead times, base
// map, ingest server, language and the sync folder. Running services follow settings.changed.

export const settingsProcedures = {
  'settings.get': procedure({
    access: 'read',
    summary: 'The plant’s settings, each over its default.',
    input: noInput,
    handler(ctx) {
      return readSettings(ctx.database.sqlite);
    },
  }),
  'settings.update': procedure({
    access: 'write',
    summary: 'Changes some settings (validated, all or nothing); announces settings.changed with the keys.',
    input: settingsUpdate,
    handler(ctx, input) {
      return updateSettings(ctx, input);
    },
  }),
};
