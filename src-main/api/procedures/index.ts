import type { AnyProcedure } from '../registry';
import { alertProcedures } from './alerts';
import { coverageProcedures } from './coverage';
import { deliveryProcedures } from './deliveries';
import { demoProcedures } from './demo';
import { dockProcedures } from './docks';
import { lineProcedures } from './lines';
import { partnerProcedures } from './partners';
import { partProcedures } from './parts';
import { plantProcedures } from './plant';
import { recommendationProcedures } from './recommendations';
import { reportProcedures } from './reports';
import { sequenceProcedures } from './sequence';
import { truckProcedures } from './trucks';
import { viewerLinkProcedures } from './viewerLinks';

// Every procedure of the API, by name. Both transports (IPC, HTTP) and the renderer's types are
// derived from this one object: a procedure is declared once, in its area's file.
export const procedures = {
  ...plantProcedures,
  ...alertProcedures,
  ...deliveryProcedures,
  ...truckProcedures,
  ...dockProcedures,
  ...lineProcedures,
  ...sequenceProcedures,
  ...coverageProcedures,
  ...recommendationProcedures,
  ...partProcedures,
  ...partnerProcedures,
  ...reportProcedures,
  ...demoProcedures,
  ...viewerLinkProcedures,
} satisfies Record<string, AnyProcedure>;

export type ProcedureMap = typeof procedures;
