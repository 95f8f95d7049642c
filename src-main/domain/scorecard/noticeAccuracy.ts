import type { NoticeAccuracy, ReceivedLine } from './types';

/**
 * How well the shipping notices matched what arrived, per item line: the share of lines received
 * exactly as announced, and the fill rate. The fill rate credits each line at most with what it
 * announced, so ten parts too many on one line never hide ten missing on another.
 */
export function noticeAccuracy(lines: readonly ReceivedLine[]): NoticeAccuracy {
  let exactLines = 0;
  let shortLines = 0;
  let overLines = 0;
  let quantityAnnounced = 0;
  let quantityFilled = 0;
  for (const line of lines) {
    if (line.quantityReceived === line.quantityAnnounced) exactLines++;
    else if (line.quantityReceived < line.quantityAnnounced) shortLines++;
    else overLines++;
    quantityAnnounced += line.quantityAnnounced;
    quantityFilled += Math.min(line.quantityReceived, line.quantityAnnounced);
  }
  return {
    lines: lines.length,
    exactLines,
    exactLineRate: lines.length > 0 ? exactLines / lines.length : null,
    shortLines,
    overLines,
    quantityAnnounced,
    quantityFilled,
    // A notice of only zero-quantity lines that all came as zero was filled completely.
    fillRate: quantityAnnounced > 0 ? quantityFilled / quantityAnnounced : lines.length > 0 ? 1 : null,
  };
}
