import { INGEST_ENABLED, INGEST_HOST, INGEST_PORT, INGEST_STATUS } from '../../ingest/ingestSettings';
import { FROZEN_WINDOW_SETTING } from '../coverage/plantReads';

// Where each setting lives in the `setting` table (JSON values). Keys other services already read
// are imported from them, so there is one spelling of each.

export const SETTING_KEYS = {
  frozenWindowMinutes: FROZEN_WINDOW_SETTING,
  putAwayMinutes: 'leadTimes.putAwayMinutes',
  baseMap: 'map.baseMap',
  ingestEnabled: INGEST_ENABLED,
  ingestHost: INGEST_HOST,
  ingestPort: INGEST_PORT,
  ingestStatus: INGEST_STATUS,
  language: 'ui.language',
  syncFolder: 'sync.folder',
  syncScanSeconds: 'sync.scanSeconds',
  syncStatus: 'sync.status',
} as const;
