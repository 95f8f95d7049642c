import { applyShippingNotices } from '../imports/notices/applyNotices';
import { refreshEta } from '../services/eta/refreshEta';
import { checkInOnArrival } from '../services/gate/checkInOnArrival';

// The use cases the ingest hands over to: the ETA engine, the gate check-in and the shipping-
// notice import. The ingest parses, authorizes and stores positions; what an arrival or a new ETA
// means for the plant is decided there, in one place for every way such news comes in.

export const ingestCollaborators = { refreshEta, checkInOnArrival, applyShippingNotices };
export type IngestCollaborators = typeof ingestCollaborators;
