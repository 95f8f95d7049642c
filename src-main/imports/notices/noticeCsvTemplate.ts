import { NOTICE_CSV_COLUMNS } from './noticeCsv';

// The CSV template the Deliveries view offers for download. The # lines explain the columns and
// are skipped on import, so the file can be filled in and sent back as it is.

const EXPLANATIONS: readonly string[] = [
  '# Leitstand shipping notices (Lieferavis) - one row per item line; UTF-8; ";" or "," between fields.',
  '# Lines starting with # are ignored. Columns (the order is free, the names are not):',
  '#   notice_number        your despatch advice number (max. 35 characters); rows with the same number form one notice',
  '#   supplier_id          the supplier as the plant knows it - or supplier_party_id: your GLN, DUNS or VDA supplier number',
  '#   carrier              optional: the carrier, by plant partner id or party id',
  '#   truck_plate          optional: the vehicle registration',
  '#   device_id            optional: the id of the tracker or phone that will report positions',
  '#   despatched_at        optional: when the truck left, e.g. 2026-11-27T06:15+01:00 or 2026-11-27 06:15 (plant time)',
  '#   estimated_arrival    when the truck will be at the plant, same forms',
  '#   line_no              optional: item line number (1, 2, ...); counted per notice when empty',
  '#   supplier_part_number your part number (mapped to the plant part) - or part_id: the plant part number',
  '#   quantity             units on the truck for this line (whole number > 0)',
  '#   packages             optional: number of packages for this line',
  '# Notice columns may be left empty on the second and later rows of a notice.',
  '# Sending a notice number again updates the delivery until the truck reaches the gate.',
];

export function noticeCsvTemplate(): string {
  const header = NOTICE_CSV_COLUMNS.join(';');
  const example = [
    'ASN-2026-000123;;4012345000016;;R-LE 4711;;2026-11-27 06:15;2026-11-27 14:30;1;KW-88;;200;4',
    'ASN-2026-000123;;;;;;;;2;KW-89;;120;2',
  ];
  return `${[...EXPLANATIONS, header, ...example].join('\r\n')}\r\n`;
}
