// The normalized shipping notice (Lieferavis): what a DESADV, a CSV row group or the partners' JSON
// endpoint all become before anything touches the database. One shape, one validation, one apply.

export interface ShippingNoticeItem {
  lineNo: number;
  /** The supplier's number for the part (Lieferantensachnummer), mapped through `supplier_part`. */
  supplierPartNumber: string | null;
  /** The plant part number when the sender knows it; taken as is when that part exists. */
  partId: string | null;
  quantity: number;
  packages?: number | null;
}

/** A partner as a notice names it: by our id, by its EDI party id (GLN, DUNS, VDA number) or name. */
export interface NoticeParty {
  partnerId?: string;
  partyId?: string;
  name?: string;
}

export interface ShippingNotice {
  noticeNumber: string;
  supplier: NoticeParty;
  carrier?: NoticeParty | null;
  /** DTM 137 */
  documentDate?: number | null;
  /** DTM 11 */
  despatchedAt?: number | null;
  /** DTM 132 (or 17 estimated delivery) */
  estimatedArrival?: number | null;
  /** TDT vehicle / means of transport id */
  truckPlate?: string | null;
  /** The tracker/phone id the positions will carry, when known. */
  deviceId?: string | null;
  references?: { qualifier: string; value: string }[];
  items: ShippingNoticeItem[];
}

/**
 * Where each part of a notice came from in its source ("segment 12 (LIN), element 3", "row 4,
 * column quantity"), so a refusal found while checking against the plant still points at the
 * place in the file. Index-aligned with the notices; anything missing falls back to a JSON path.
 */
export interface NoticeLocation {
  noticeNumber?: string;
  supplier?: string;
  carrier?: string;
  documentDate?: string;
  despatchedAt?: string;
  estimatedArrival?: string;
  truckPlate?: string;
  deviceId?: string;
  items?: { partNumber?: string; quantity?: string; lineNo?: string }[];
}

/** One thing wrong with an incoming notice, and where. */
export interface NoticeIssue {
  where: string;
  message: string;
}

export type NoticeAction = 'created' | 'updated';

export interface NoticeOutcome {
  notices: { noticeNumber: string; deliveryId: string; action: NoticeAction }[];
}

export type NoticeSource = 'file' | 'api' | 'partner';
export type NoticeFormat = 'desadv' | 'csv' | 'json';

/** A parser's answer: notices with their locations, or every issue found. */
export type NoticeParseResult =
  | { ok: true; notices: ShippingNotice[]; locations: NoticeLocation[] }
  | { ok: false; issues: NoticeIssue[] };
