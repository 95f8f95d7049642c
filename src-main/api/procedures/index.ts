import type { AnyProcedure } from '../registry';
import { alertProcedures } from './alerts';
import { backupProcedures } from './backup';
import { coverageProcedures } from './coverage';
import { deliveryProcedures } from './deliveries';
import { demoProcedures } from './demo';
import { dockProcedures } from './docks';
import { etaProcedures } from './eta';
import { gateProcedures } from './gate';
import { lineProcedures } from './lines';
import { noticeProcedures } from './notices';
import { partnerNoticeProcedures } from './partnerNotices';
import { partnerProcedures } from './partners';
import { partnerTokenProcedures } from './partnerTokens';
import { partProcedures } from './parts';
import { plantProcedures } from './plant';
import { plantDataProcedures } from './plantData';
import { recommendationProcedures } from './recommendations';
import { reportProcedures } from './reports';
import { sequenceProcedures } from './sequence';
import { settingsProcedures } from './settings';
import { truckProcedures } from './trucks';
import { viewerLinkProcedures } from './viewerLinks';

// Every procedure of the API, by name. Both transports (IPC, HTTP) and the renderer's types are
// derived from this one object: a procedure is declared once, in its area's file.
export const procedures = {
  ...plantProcedures,
  ...alertProcedures,
  ...deliveryProcedures,
  ...etaProcedures,
  ...truckProcedures,
  ...dockProcedures,
  ...gateProcedures,
  ...lineProcedures,
  ...sequenceProcedures,
  ...coverageProcedures,
  ...recommendationProcedures,
  ...partProcedures,
  ...partnerProcedures,
  ...partnerNoticeProcedures,
  ...noticeProcedures,
  ...reportProcedures,
  ...demoProcedures,
  ...viewerLinkProcedures,
  ...partnerTokenProcedures,
  ...plantDataProcedures,
  ...settingsProcedures,
  ...backupProcedures,
} satisfies Record<string, AnyProcedure>;

export type ProcedureMap = typeof procedures;
