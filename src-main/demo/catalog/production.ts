import { DOOR_POSITIONS } from './parts';

// What the demo plant builds and on which lines: door modules, seat structures, cockpit modules,
// front-end carriers and tailgates for a car maker's assembly plant nearby.

export interface ProductTemplate {
  id: string;
  name: string;
  weight: number;
  lot: { min: number; max: number; step: number };
  /** [part key, quantity per unit] */
  bom: readonly (readonly [string, number])[];
}

export interface LineTemplate {
  id: string;
  name: string;
  /** Planned minutes per unit by product, before the seed's small per-line variation. */
  rates: Readonly<Record<string, number>>;
  /** Setup minutes between two products of the same kind (left/right, front/rear). */
  nearSetup: number;
  /** Setup minutes between different kinds of product. */
  farSetup: number;
  /** Present only for some seeds: the plant has 5 or 6 lines. */
  optional?: true;
}

const doorLot = { min: 96, max: 288, step: 24 };

const doorModule = (code: (typeof DOOR_POSITIONS)[number]['code'], text: string): ProductTemplate => {
  const front = code.startsWith('V');
  const left = code.endsWith('L');
  return {
    id: `tm-${code.toLowerCase()}`,
    name: `Türmodul ${text}`,
    weight: front ? 1.1 : 0.9,
    lot: doorLot,
    bom: [
      [`harness-door-${code}`, 1],
      [`window-regulator-${code}`, 1],
      [`door-lock-${code}`, 1],
      [`door-glass-${code}`, 1],
      [`trim-door-${code}`, 1],
      [`carrier-door-${code}`, 1],
      [front ? 'seal-door-front' : 'seal-door-rear', 4],
      ...(front ? ([[left ? 'mirror-left' : 'mirror-right', 1]] as const) : []),
      ['speaker-165', 1],
      ['damping-mat', 1],
      ['screw-m6x20', 8],
      ['clip-door-trim', 12],
    ],
  };
};

export const PRODUCT_TEMPLATES: readonly ProductTemplate[] = [
  ...DOOR_POSITIONS.map(({ code, text }) => doorModule(code, text)),
  {
    id: 'ss-fahrer',
    name: 'Sitzstruktur Fahrer',
    weight: 1,
    lot: { min: 60, max: 180, step: 12 },
    bom: [
      ['seat-frame-driver', 1],
      ['seat-rail', 2],
      ['seat-crosstube', 1],
      ['foam-cushion', 1],
      ['foam-backrest', 1],
      ['cover-driver', 1],
      ['side-airbag-left', 1],
      ['seat-motor', 2],
      ['harness-seat-driver', 1],
      ['seat-heater', 2],
      ['buckle-front', 1],
      ['screw-m8x25', 6],
    ],
  },
  {
    id: 'ss-beifahrer',
    name: 'Sitzstruktur Beifahrer',
    weight: 1,
    lot: { min: 60, max: 180, step: 12 },
    bom: [
      ['seat-frame-passenger', 1],
      ['seat-rail', 2],
      ['seat-crosstube', 1],
      ['foam-cushion', 1],
      ['foam-backrest', 1],
      ['cover-passenger', 1],
      ['side-airbag-right', 1],
      ['seat-motor', 2],
      ['harness-seat-passenger', 1],
      ['seat-heater', 2],
      ['buckle-front', 1],
      ['screw-m8x25', 6],
    ],
  },
  {
    id: 'rl-6040',
    name: 'Rücksitzlehne 60/40',
    weight: 0.8,
    lot: { min: 48, max: 144, step: 12 },
    bom: [
      ['backrest-frame-6040', 1],
      ['foam-rear-backrest', 1],
      ['cover-rear-backrest', 1],
      ['headrest-rear', 3],
      ['buckle-rear', 3],
      ['backrest-release', 2],
      ['backrest-hinge', 2],
      ['screw-m8x25', 8],
    ],
  },
  {
    id: 'cm-ll',
    name: 'Cockpitmodul Linkslenker',
    weight: 1.6,
    lot: { min: 40, max: 120, step: 8 },
    bom: [
      ['cockpit-beam-lhd', 1],
      ['dashboard-lhd', 1],
      ['harness-cockpit-lhd', 1],
      ['column-bracket-lhd', 1],
      ['passenger-airbag', 1],
      ['hvac-unit', 1],
      ['vent-centre', 2],
      ['vent-side', 2],
      ['display-123', 1],
      ['structural-adhesive', 1],
      ['screw-m6x20', 12],
      ['nut-m8', 6],
    ],
  },
  {
    id: 'cm-rl',
    name: 'Cockpitmodul Rechtslenker',
    weight: 0.5,
    lot: { min: 24, max: 72, step: 8 },
    bom: [
      ['cockpit-beam-rhd', 1],
      ['dashboard-rhd', 1],
      ['harness-cockpit-rhd', 1],
      ['column-bracket-rhd', 1],
      ['passenger-airbag', 1],
      ['hvac-unit', 1],
      ['vent-centre', 2],
      ['vent-side', 2],
      ['display-123', 1],
      ['structural-adhesive', 1],
      ['screw-m6x20', 12],
      ['nut-m8', 6],
    ],
  },
  {
    id: 'mk-std',
    name: 'Mittelkonsole',
    weight: 0.9,
    lot: { min: 60, max: 180, step: 12 },
    bom: [
      ['console-carrier', 1],
      ['console-trim', 1],
      ['armrest', 1],
      ['cup-holder', 1],
      ['usb-charger', 1],
      ['switch-console', 1],
      ['clip-console', 8],
      ['tape-19mm', 2],
    ],
  },
  {
    id: 'ft-hybrid',
    name: 'Frontend-Träger',
    weight: 1,
    lot: { min: 40, max: 120, step: 10 },
    bom: [
      ['frontend-carrier', 1],
      ['radiator-fan', 1],
      ['headlamp-bracket-left', 1],
      ['headlamp-bracket-right', 1],
      ['crash-box', 2],
      ['bumper-beam', 1],
      ['bonnet-lock', 1],
      ['harness-frontend', 1],
      ['structural-adhesive', 2],
      ['screw-m8x25', 10],
      ['nut-m8', 6],
    ],
  },
  {
    id: 'hk-modul',
    name: 'Heckklappenmodul',
    weight: 1,
    lot: { min: 40, max: 120, step: 10 },
    bom: [
      ['tailgate-inner', 1],
      ['rear-window', 1],
      ['tailgate-lock', 1],
      ['gas-strut', 2],
      ['seal-tailgate', 5],
      ['harness-tailgate', 1],
      ['rear-wiper-motor', 1],
      ['glass-adhesive', 1],
      ['screw-m6x20', 8],
    ],
  },
];

const doorRates = { 'tm-vl': 1.25, 'tm-vr': 1.25, 'tm-hl': 1.125, 'tm-hr': 1.125 };

export const LINE_TEMPLATES: readonly LineTemplate[] = [
  { id: 'linie-1', name: 'Linie 1 – Türmodule', rates: doorRates, nearSetup: 10, farSetup: 25 },
  {
    id: 'linie-2',
    name: 'Linie 2 – Türmodule',
    rates: { 'tm-vl': 1.375, 'tm-vr': 1.375, 'tm-hl': 1.25, 'tm-hr': 1.25 },
    nearSetup: 12,
    farSetup: 30,
  },
  {
    id: 'linie-3',
    name: 'Linie 3 – Sitze',
    rates: { 'ss-fahrer': 2, 'ss-beifahrer': 2, 'rl-6040': 2.5 },
    nearSetup: 15,
    farSetup: 40,
  },
  {
    id: 'linie-4',
    name: 'Linie 4 – Cockpit',
    rates: { 'cm-ll': 3, 'cm-rl': 3, 'mk-std': 1.5 },
    nearSetup: 20,
    farSetup: 45,
  },
  {
    id: 'linie-5',
    name: 'Linie 5 – Frontend und Heckklappe',
    rates: { 'ft-hybrid': 2.25, 'hk-modul': 2 },
    nearSetup: 25,
    farSetup: 25,
  },
  {
    id: 'linie-6',
    name: 'Linie 6 – Sitze',
    rates: { 'ss-fahrer': 2.25, 'ss-beifahrer': 2.25 },
    nearSetup: 15,
    farSetup: 40,
    optional: true,
  },
];

/** Two products are "near" (a short setup) when they are the same module in another variant. */
export function sameKind(a: string, b: string): boolean {
  return a.slice(0, 2) === b.slice(0, 2);
}
