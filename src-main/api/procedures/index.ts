import type { AnyProcedure } from '../registry';
import { alertProcedures } from './alerts';
import { deliveryProcedures } from './deliveries';
import { dockProcedures } from './docks';
import { lineProcedures } from './lines';
import { partnerProcedures } from './partners';
import { partProcedures } from './parts';
import { plantProcedures } from './plant';
import { reportProcedures } from './reports';
import { truckProcedures } from './trucks';

// Every procedure of the API, by name. Both transports (IPC, HTTP) and the renderer's types are
// derived from this one object: a procedure is declared once, in its area's file.
export const procedures = {
  ...plantProcedures,
  ...alertProcedures,
  ...deliveryProcedures,
  ...truckProcedures,
  ...dockProcedures,
  ...lineProcedures,
  ...partProcedures,
  ...partnerProcedures,
  ...reportProcedures,
} satisfies Record<string, AnyProcedure>;

export type ProcedureMap = typeof procedures;
