import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Kysely's view of schema v1, in camelCase (CamelCasePlugin maps to the snake_case columns).
// Times are epoch milliseconds; JSON columns are strings that repositories parse with zod.

export type DeliveryStatus =
  | 'announced'
  | 'in_transit'
  | 'at_gate'
  | 'at_door'
  | 'unloading'
  | 'unloaded'
  | 'departed'
  | 'cancelled';
export type EtaSource = 'gps' | 'carrier' | 'notice' | 'plan';
export type PartnerRole = 'supplier' | 'carrier' | 'both';
export type OrderStatus = 'planned' | 'running' | 'done';
export type PositionSource = 'gps' | 'carrier' | 'simulator' | 'manual';
export type StockMovementKind = 'receipt' | 'consumption' | 'correction';
export type DockHandling = 'auto' | 'manual';

export interface SiteTable {
  id: string;
  name: string;
  city: string;
  lat: number;
  lon: number;
  geofenceRadiusM: number;
  timeZone: string;
  isDemo: number;
  demoSeed: number | null;
  createdAt: number;
}

export interface SettingTable {
  key: string;
  value: string;
  updatedAt: number;
}

export interface PartnerTable {
  id: string;
  name: string;
  role: PartnerRole;
  city: string;
  countryCode: string;
  lat: number;
  lon: number;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: number;
  /** The partner's EDI party id (GLN, DUNS or VDA supplier number); unique when set (schema v3). */
  partyId: string | null;
}

export interface AccessTokenTable {
  id: string;
  partnerId: string | null;
  scope: 'ingest' | 'viewer';
  label: string;
  tokenHash: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export interface DockDoorTable {
  id: string;
  name: string;
  capabilities: string;
  openingHours: string;
  unloadMinutes: number;
  sortOrder: number;
}

export interface PartTable {
  id: string;
  description: string;
  unit: string;
  safetyStock: number;
  putAwayMinutes: number;
  supplierId: string | null;
}

export interface SupplierPartTable {
  supplierId: string;
  supplierPartNumber: string;
  partId: string;
}

export interface StockTable {
  partId: string;
  onHand: number;
  updatedAt: number;
}

export interface StockMovementTable {
  id: Generated<number>;
  partId: string;
  kind: StockMovementKind;
  quantity: number;
  at: number;
  deliveryId: string | null;
  orderId: string | null;
  note: string | null;
}

export interface ProductTable {
  id: string;
  name: string;
}

export interface BomItemTable {
  productId: string;
  partId: string;
  quantity: number;
}

export interface ProductionLineTable {
  id: string;
  name: string;
  initialProductId: string | null;
  sortOrder: number;
}

export interface LineRateTable {
  lineId: string;
  productId: string;
  minutesPerUnit: number;
}

export interface LineSetupTable {
  lineId: string;
  fromProductId: string;
  toProductId: string;
  minutes: number;
}

export interface ShiftTable {
  id: string;
  name: string;
  startMinute: number;
  endMinute: number;
}

export interface LineShiftTable {
  lineId: string;
  shiftId: string;
}

export interface ProductionOrderTable {
  id: string;
  productId: string;
  quantity: number;
  lineId: string;
  sequence: number;
  dueAt: number;
  status: OrderStatus;
  frozen: number;
  producedUnits: Generated<number>;
  startedAt: number | null;
  completedAt: number | null;
  createdAt: number;
}

export interface OrderEligibleLineTable {
  orderId: string;
  lineId: string;
}

export interface InboundDeliveryTable {
  id: string;
  noticeNumber: string | null;
  supplierId: string;
  carrierId: string | null;
  truckPlate: string | null;
  deviceId: string | null;
  originName: string;
  originLat: number;
  originLon: number;
  doorId: string | null;
  slotStart: number;
  slotEnd: number;
  status: DeliveryStatus;
  eta: number | null;
  etaSource: EtaSource | null;
  etaConfidenceMinutes: number | null;
  lastPositionAt: number | null;
  lastLat: number | null;
  lastLon: number | null;
  lastSpeedKmh: number | null;
  lastHeading: number | null;
  departedAt: number | null;
  gateInAt: number | null;
  doorArrivedAt: number | null;
  unloadingStartedAt: number | null;
  unloadedAt: number | null;
  gateOutAt: number | null;
  cancelledAt: number | null;
  notes: string | null;
  createdAt: number;
  updatedAt: number;
  /** JSON array of the door capabilities the truck needs (schema v2). */
  requiredCapabilities: Generated<string>;
  /** 'manual' once staff took a gate step by hand: the demo simulator leaves it alone (schema v2). */
  dockHandling: Generated<DockHandling>;
}

export interface DeliveryItemTable {
  deliveryId: string;
  lineNo: number;
  partId: string;
  supplierPartNumber: string | null;
  quantityAnnounced: number;
  quantityReceived: number | null;
}

export interface DeliveryRouteTable {
  deliveryId: string;
  waypoints: string;
  distanceKm: number;
  travelledKm: Generated<number>;
  disruption: string | null;
}

export interface PositionTable {
  id: Generated<number>;
  deliveryId: string;
  at: number;
  lat: number;
  lon: number;
  speedKmh: number | null;
  heading: number | null;
  source: PositionSource;
}

export interface EventLogTable {
  id: Generated<number>;
  at: number;
  actor: string;
  kind: string;
  entityType: string;
  entityId: string;
  payload: string | null;
}

export interface RecommendationTable {
  id: string;
  createdAt: number;
  kind: 'resequence' | 'dock_priority' | 'expedite';
  summary: string;
  payload: string;
  beforeMetrics: string;
  afterMetrics: string;
  status: 'open' | 'applied' | 'rejected' | 'undone' | 'superseded';
  decidedAt: number | null;
  decidedBy: string | null;
  reason: string | null;
}

export type NoticeKind = 'slot_confirmation' | 'slot_change' | 'delay_ack' | 'shortage_alert';
export type NoticeChannelKind = 'webhook' | 'email';
export type NoticeLanguage = 'de' | 'en';
export type NoticeStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** How a partner is reached with notices (schema v5). */
export interface PartnerChannelTable {
  id: string;
  partnerId: string;
  kind: NoticeChannelKind;
  /** The webhook URL or the e-mail address. */
  address: string;
  /** HMAC key of a webhook; never shown again once stored. */
  secret: string | null;
  language: NoticeLanguage;
  enabled: number;
  /** JSON array of the notice kinds this channel receives. */
  noticeKinds: Generated<string>;
  createdAt: number;
  updatedAt: number;
}

/** One notice to one channel: the partner's communication log and the outbox (schema v5). */
export interface PartnerMessageTable {
  id: string;
  partnerId: string;
  channelId: string | null;
  channel: NoticeChannelKind;
  address: string;
  kind: NoticeKind;
  deliveryId: string | null;
  topic: string;
  sourceKey: string;
  language: NoticeLanguage;
  subject: string;
  body: string;
  payload: string;
  status: NoticeStatus;
  attempts: Generated<number>;
  nextAttemptAt: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** A partner's phone or tracker and the truck it rides in (schema v4). */
export interface PartnerDeviceTable {
  partnerId: string;
  deviceId: string;
  truckPlate: string | null;
  label: Generated<string>;
  createdAt: number;
}

/** Every shipping notice that came in, imported or refused: the plant's audit (schema v3). */
export interface NoticeMessageTable {
  id: Generated<number>;
  receivedAt: number;
  source: 'file' | 'api' | 'partner';
  format: 'desadv' | 'csv' | 'json';
  fileName: string | null;
  partnerId: string | null;
  /** JSON array of the notice numbers the message carried (as far as they could be read). */
  noticeNumbers: Generated<string>;
  outcome: 'imported' | 'refused';
  error: string | null;
  raw: string | null;
  actor: string;
}

export interface Database {
  site: SiteTable;
  setting: SettingTable;
  partner: PartnerTable;
  accessToken: AccessTokenTable;
  dockDoor: DockDoorTable;
  part: PartTable;
  supplierPart: SupplierPartTable;
  stock: StockTable;
  stockMovement: StockMovementTable;
  product: ProductTable;
  bomItem: BomItemTable;
  productionLine: ProductionLineTable;
  lineRate: LineRateTable;
  lineSetup: LineSetupTable;
  shift: ShiftTable;
  lineShift: LineShiftTable;
  productionOrder: ProductionOrderTable;
  orderEligibleLine: OrderEligibleLineTable;
  inboundDelivery: InboundDeliveryTable;
  deliveryItem: DeliveryItemTable;
  deliveryRoute: DeliveryRouteTable;
  position: PositionTable;
  eventLog: EventLogTable;
  recommendation: RecommendationTable;
  noticeMessage: NoticeMessageTable;
  partnerDevice: PartnerDeviceTable;
  partnerChannel: PartnerChannelTable;
  partnerMessage: PartnerMessageTable;
}

export type InboundDeliveryRow = Selectable<InboundDeliveryTable>;
export type NewInboundDelivery = Insertable<InboundDeliveryTable>;
export type InboundDeliveryUpdate = Updateable<InboundDeliveryTable>;
export type ProductionOrderRow = Selectable<ProductionOrderTable>;
export type PartnerRow = Selectable<PartnerTable>;
export type DockDoorRow = Selectable<DockDoorTable>;
