import { findSite } from '../../db/repositories/site';
import { procedure } from '../registry';
import { noInput } from '../schemas';

export const plantProcedures = {
  'plant.overview': procedure({
    access: 'read',
    summary: 'The plant, its clock and whether it is the demo.',
    input: noInput,
    async handler(ctx) {
      const site = await findSite(ctx.database.db);
      return {
        site: site
          ? {
              id: site.id,
              name: site.name,
              city: site.city,
              lat: site.lat,
              lon: site.lon,
              geofenceRadiusM: site.geofenceRadiusM,
              timeZone: site.timeZone,
              isDemo: site.isDemo === 1,
            }
          : null,
        clock: { now: ctx.clock.now(), speed: ctx.clock.speed },
        schemaVersion: ctx.database.schemaVersion,
      };
    },
  }),
};
