import { PLANT_NUMBER_TYPES, SUPPLIER_NUMBER_TYPES } from './desadvDirectories';
import { parseEdifactDate } from './edifactDates';
import { component, type EdifactSegment, segmentWhere } from './edifactTokenizer';
import type {
  NoticeIssue,
  NoticeLocation,
  NoticeParty,
  ShippingNotice,
  ShippingNoticeItem,
} from './shippingNotice';

// One DESADV message (UNH … UNT) to a shipping notice. Only the segments the plant needs are
// read; every other segment of the directory is passed over, so a richer message still imports.

/** The DTM qualifiers read from the header (2005), and the notice field each one fills. */
const HEADER_DATES = {
  '137': 'documentDate',
  '11': 'despatchedAt',
  '132': 'estimatedArrival',
  '17': 'estimatedArrival',
} as const;
type DateField = (typeof HEADER_DATES)[keyof typeof HEADER_DATES];

const MAX_TEXT = 35;

export interface MappedMessage {
  notice: ShippingNotice;
  location: NoticeLocation;
}

interface LineDraft {
  item: ShippingNoticeItem;
  at: EdifactSegment;
  partNumberWhere: string;
  quantityWhere?: string;
  hasQuantity: boolean;
}

interface PackageGroup {
  packages: number;
  lines: LineDraft[];
}

function party(segment: EdifactSegment): NoticeParty {
  const partyId = component(segment, 2, 1).trim();
  const name = (component(segment, 4, 1) || component(segment, 3, 1)).trim();
  return { ...(partyId ? { partyId } : {}), ...(name ? { name } : {}) };
}

/** Item numbers of a LIN (C212 in element 3) or a PIA (C212 in elements 2 to 6). */
function itemNumbers(segment: EdifactSegment, elements: number[]) {
  return elements
    .map((element) => ({
      element,
      number: component(segment, element, 1).trim(),
      type: component(segment, element, 2).trim().toUpperCase(),
    }))
    .filter((entry) => entry.number !== '');
}

function numberOf(raw: string, decimal: string): number | null {
  const normalized = decimal === ',' ? raw.replace(',', '.') : raw;
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

export function mapDesadvMessage(
  segments: readonly EdifactSegment[],
  options: { decimal: string; timeZone: string },
  issues: NoticeIssue[],
): MappedMessage | null {
  const header = segments[0]!;
  const before = issues.length;
  const notice: ShippingNotice = { noticeNumber: '', supplier: {}, carrier: null, references: [], items: [] };
  const location: NoticeLocation = { items: [] };
  const lines: LineDraft[] = [];
  const groups: PackageGroup[] = [];
  let bgm: EdifactSegment | null = null;
  let supplierSeen = false;
  let inDetail = false;
  let line: LineDraft | null = null;
  const dateFrom: Partial<Record<DateField, string>> = {};

  const issue = (segment: EdifactSegment, message: string, element?: number, part?: number) =>
    issues.push({ where: segmentWhere(segment, element, part), message });

  for (const segment of segments.slice(1, -1)) {
    switch (segment.tag) {
      case 'BGM': {
        if (bgm) {
          issue(segment, `a message has one BGM; the first is segment ${bgm.position}`);
          break;
        }
        bgm = segment;
        const name = component(segment, 1, 1).trim();
        if (name !== '351') {
          issue(segment, `document name code "${name}" is not 351 (despatch advice)`, 1, 1);
        }
        const number = component(segment, 2, 1).trim();
        if (!number) issue(segment, 'the despatch advice has no document number', 2, 1);
        else if (number.length > MAX_TEXT)
          issue(segment, `the document number is longer than ${MAX_TEXT} characters`, 2, 1);
        notice.noticeNumber = number;
        location.noticeNumber = segmentWhere(segment, 2, 1);
        break;
      }
      case 'DTM': {
        if (inDetail) break;
        const qualifier = component(segment, 1, 1).trim();
        if (!Object.hasOwn(HEADER_DATES, qualifier)) break;
        const field = HEADER_DATES[qualifier as keyof typeof HEADER_DATES];
        // An estimated arrival (132) beats an estimated delivery (17), whichever comes first.
        if (field === 'estimatedArrival' && qualifier === '17' && dateFrom.estimatedArrival === '132') break;
        const parsed = parseEdifactDate(
          component(segment, 1, 2).trim(),
          component(segment, 1, 3).trim(),
          options.timeZone,
        );
        if (!parsed.ok) {
          issue(segment, `DTM ${qualifier}: ${parsed.message}`, 1, 2);
          break;
        }
        notice[field] = parsed.at;
        location[field] = segmentWhere(segment, 1, 2);
        dateFrom[field] = qualifier;
        break;
      }
      case 'RFF': {
        if (inDetail) break;
        const qualifier = component(segment, 1, 1).trim();
        const value = component(segment, 1, 2).trim();
        if (qualifier && value) notice.references!.push({ qualifier, value: value.slice(0, 70) });
        break;
      }
      case 'NAD': {
        const role = component(segment, 1, 1).trim();
        if (role === 'SU') {
          if (supplierSeen) {
            issue(segment, 'a despatch advice names one supplier (NAD+SU)', 1);
            break;
          }
          supplierSeen = true;
          notice.supplier = party(segment);
          location.supplier = segmentWhere(segment, 2, 1);
          if (!notice.supplier.partyId) issue(segment, 'the supplier (NAD+SU) has no party id', 2, 1);
        } else if (role === 'CA') {
          const carrier = party(segment);
          if (carrier.partyId || carrier.name) {
            notice.carrier = carrier;
            location.carrier = segmentWhere(segment, 2, 1);
          }
        }
        break;
      }
      case 'TDT': {
        const plate = (component(segment, 8, 1) || component(segment, 8, 4)).trim();
        if (plate && !notice.truckPlate) {
          if (plate.length > MAX_TEXT)
            issue(segment, `the vehicle id is longer than ${MAX_TEXT} characters`, 8, 1);
          notice.truckPlate = plate;
          location.truckPlate = segmentWhere(segment, 8, 1);
        }
        break;
      }
      case 'CPS':
        inDetail = true;
        groups.push({ packages: 0, lines: [] });
        line = null;
        break;
      case 'PAC': {
        const raw = component(segment, 1, 1).trim();
        if (!raw) break;
        const count = numberOf(raw, options.decimal);
        if (count === null || !Number.isInteger(count) || count < 0) {
          issue(segment, `number of packages "${raw}" is not a whole number`, 1, 1);
        } else if (groups.length) groups[groups.length - 1]!.packages += count;
        break;
      }
      case 'LIN': {
        inDetail = true;
        const rawLine = component(segment, 1, 1).trim();
        let lineNo = lines.length + 1;
        if (rawLine) {
          if (!/^\d{1,6}$/.test(rawLine)) issue(segment, `line item number "${rawLine}" is not a number`, 1);
          else lineNo = Number(rawLine);
        }
        line = {
          item: { lineNo, supplierPartNumber: null, partId: null, quantity: 0, packages: null },
          at: segment,
          partNumberWhere: segmentWhere(segment, 3),
          hasQuantity: false,
        };
        lines.push(line);
        groups[groups.length - 1]?.lines.push(line);
        takeNumbers(line, itemNumbers(segment, [3]), segment);
        break;
      }
      case 'PIA': {
        if (!line) break;
        takeNumbers(line, itemNumbers(segment, [2, 3, 4, 5, 6]), segment);
        break;
      }
      case 'QTY': {
        if (!line || component(segment, 1, 1).trim() !== '12') break;
        if (line.hasQuantity) {
          issue(segment, `line ${line.item.lineNo} already has a despatch quantity (QTY+12)`, 1, 2);
          break;
        }
        line.hasQuantity = true;
        const raw = component(segment, 1, 2).trim();
        const quantity = numberOf(raw, options.decimal);
        if (quantity === null) issue(segment, `quantity '${raw}' is not a number`, 1, 2);
        else line.item.quantity = quantity;
        line.quantityWhere = segmentWhere(segment, 1, 2);
        break;
      }
      default:
        break;
    }
  }

  if (!bgm)
    issues.push({ where: segmentWhere(header), message: 'the message has no BGM (beginning of message)' });
  if (!supplierSeen)
    issues.push({ where: segmentWhere(header), message: 'the message names no supplier (NAD+SU)' });
  if (!lines.length)
    issues.push({ where: segmentWhere(header), message: 'the message has no item line (LIN)' });
  for (const draft of lines) {
    if (!draft.hasQuantity) {
      issues.push({
        where: segmentWhere(draft.at),
        message: `line ${draft.item.lineNo} has no despatch quantity (QTY+12)`,
      });
    }
    if (draft.item.partId === null && draft.item.supplierPartNumber === null) {
      issues.push({
        where: segmentWhere(draft.at, 3),
        message: `line ${draft.item.lineNo} names no item number (LIN or PIA)`,
      });
    }
  }
  // Packages belong to a line only when its package group holds that one line.
  for (const group of groups) {
    if (group.lines.length === 1 && group.packages > 0) group.lines[0]!.item.packages = group.packages;
  }
  if (issues.length > before) return null;

  notice.items = lines.map((draft) => draft.item);
  location.items = lines.map((draft) => ({
    partNumber: draft.partNumberWhere,
    lineNo: segmentWhere(draft.at, 1),
    ...(draft.quantityWhere ? { quantity: draft.quantityWhere } : {}),
  }));
  if (!notice.references!.length) delete notice.references;
  return { notice, location };

  function takeNumbers(draft: LineDraft, numbers: ReturnType<typeof itemNumbers>, segment: EdifactSegment) {
    for (const entry of numbers) {
      if (entry.number.length > MAX_TEXT) {
        issue(
          segment,
          `item number "${entry.number.slice(0, 40)}…" is longer than ${MAX_TEXT} characters`,
          entry.element,
          1,
        );
        continue;
      }
      if (PLANT_NUMBER_TYPES.has(entry.type) && draft.item.partId === null) {
        draft.item.partId = entry.number;
      } else if (
        (SUPPLIER_NUMBER_TYPES.has(entry.type) || entry.type === '') &&
        draft.item.supplierPartNumber === null
      ) {
        // A supplier number found after the LIN's is where a failed mapping should point.
        draft.item.supplierPartNumber = entry.number;
        draft.partNumberWhere = segmentWhere(segment, entry.element, 1);
      }
    }
  }
}
