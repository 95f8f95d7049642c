// The ingest's name for the apply service (src-main/ingest/collaborators.ts imports it from here).
export { type ApplyNoticeOptions, applyShippingNotices } from './applyNotices';
