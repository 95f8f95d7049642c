import type { PartUnit } from '../model';

// The parts the demo plant's bills of material use. `group` is the first block of the plant part
// number (110.004.00): one material group per kind of part, as a German plant numbers them.

export interface PartTemplate {
  key: string;
  group: number;
  description: string;
  unit: PartUnit;
  supplierId: string;
  /** Units per load carrier (KLT, GLT, coil, drum …). */
  pack: number;
}

const KWO = 'sup-kabelwerk-oberpfalz';
const SWF = 'sup-schraubenwerk-franken';
const KTL = 'sup-kunststofftechnik-landshut';
const SPT = 'sup-praezision-stuttgart';
const PLI = 'sup-plzenske-lisovny';
const SBA = 'sup-sklo-bohemia';
const PSX = 'sup-polstex';
const EMS = 'sup-elektromet';
const APL = 'sup-aluprofil-linz';
const SSG = 'sup-schliesssysteme-graz';
const GMT = 'sup-gumotech';
const ATS = 'sup-airtec';
const AIB = 'sup-adesivi-brescia';
const STO = 'sup-stampaggi-torinesi';
const TTA = 'sup-thermotec-alsace';

const part = (
  key: string,
  group: number,
  description: string,
  supplierId: string,
  pack: number,
  unit: PartUnit = 'ST',
): PartTemplate => ({ key, group, description, unit, supplierId, pack });

export const DOOR_POSITIONS = [
  { code: 'VL', text: 'vorn links' },
  { code: 'VR', text: 'vorn rechts' },
  { code: 'HL', text: 'hinten links' },
  { code: 'HR', text: 'hinten rechts' },
] as const;

const perDoor = (make: (code: string, text: string) => PartTemplate) =>
  DOOR_POSITIONS.map(({ code, text }) => make(code, text));

export const PART_TEMPLATES: readonly PartTemplate[] = [
  // Wiring (110)
  ...perDoor((code, text) => part(`harness-door-${code}`, 110, `Kabelbaum Tür ${text}`, KWO, 40)),
  part('harness-seat-driver', 110, 'Kabelbaum Sitz Fahrer', KWO, 50),
  part('harness-seat-passenger', 110, 'Kabelbaum Sitz Beifahrer', KWO, 50),
  part('harness-cockpit-lhd', 110, 'Kabelbaum Cockpit Linkslenker', KWO, 12),
  part('harness-cockpit-rhd', 110, 'Kabelbaum Cockpit Rechtslenker', KWO, 12),
  part('harness-frontend', 110, 'Kabelbaum Frontend', KWO, 30),
  part('harness-tailgate', 110, 'Kabelbaum Heckklappe', KWO, 40),
  part('seat-heater', 110, 'Sitzheizmatte Carbon', KWO, 100),
  part('usb-charger', 110, 'USB-C Ladeschale Mittelkonsole', KWO, 120),
  // Motors and electronics (120)
  part('speaker-165', 120, 'Lautsprecher Tür 165 mm', EMS, 60),
  part('seat-motor', 120, 'Sitzverstellmotor 12 V', EMS, 80),
  part('display-123', 120, 'Zentraldisplay 12,3 Zoll', EMS, 16),
  part('switch-console', 120, 'Schalterblock Mittelkonsole', EMS, 60),
  part('radiator-fan', 120, 'Kühlerlüfter 600 W', EMS, 10),
  part('rear-wiper-motor', 120, 'Heckwischermotor', EMS, 48),
  // Fasteners (210)
  part('screw-m6x20', 210, 'Schraube M6x20 verzinkt', SWF, 2000),
  part('screw-m8x25', 210, 'Schraube M8x25 Flansch', SWF, 1500),
  part('nut-m8', 210, 'Mutter M8 selbstsichernd', SWF, 2500),
  part('clip-door-trim', 210, 'Clip Türverkleidung', SWF, 3000),
  part('clip-console', 210, 'Clip Konsolenverkleidung', SWF, 3000),
  // Plastic mouldings (310)
  ...perDoor((code, text) => part(`trim-door-${code}`, 310, `Türverkleidung ${text} anthrazit`, KTL, 12)),
  part('mirror-left', 310, 'Außenspiegel links', KTL, 16),
  part('mirror-right', 310, 'Außenspiegel rechts', KTL, 16),
  part('dashboard-lhd', 310, 'Instrumententafel Linkslenker', KTL, 8),
  part('dashboard-rhd', 310, 'Instrumententafel Rechtslenker', KTL, 8),
  part('console-trim', 310, 'Konsolenverkleidung', KTL, 20),
  part('cup-holder', 310, 'Getränkehalter zweifach', KTL, 100),
  part('headrest-rear', 310, 'Kopfstütze hinten', KTL, 40),
  part('headlamp-bracket-left', 310, 'Scheinwerferhalter links', KTL, 50),
  part('headlamp-bracket-right', 310, 'Scheinwerferhalter rechts', KTL, 50),
  // Seals (320)
  part('seal-door-front', 320, 'Türdichtung EPDM vorn', GMT, 250, 'M'),
  part('seal-door-rear', 320, 'Türdichtung EPDM hinten', GMT, 250, 'M'),
  part('seal-tailgate', 320, 'Heckklappendichtung EPDM', GMT, 250, 'M'),
  part('damping-mat', 320, 'Schwerschicht-Dämmmatte', GMT, 200, 'KG'),
  // Stampings (410)
  ...perDoor((code, text) => part(`carrier-door-${code}`, 410, `Aggregateträger Tür ${text}`, PLI, 24)),
  part('seat-rail', 410, 'Sitzschiene 420 mm', PLI, 100),
  part('column-bracket-lhd', 410, 'Lenksäulenhalter Linkslenker', PLI, 40),
  part('column-bracket-rhd', 410, 'Lenksäulenhalter Rechtslenker', PLI, 40),
  part('tailgate-inner', 410, 'Heckklappe Innenblech', PLI, 10),
  // Aluminium profiles (420)
  part('seat-crosstube', 420, 'Querrohr Aluminium 480 mm', APL, 60),
  part('console-carrier', 420, 'Konsolenträger Aluminium', APL, 30),
  part('crash-box', 420, 'Crashbox Aluminium', APL, 40),
  part('bumper-beam', 420, 'Stoßfängerquerträger Aluminium', APL, 12),
  // Steel structures and springs (430)
  part('seat-frame-driver', 430, 'Sitzrahmen Fahrer', SPT, 12),
  part('seat-frame-passenger', 430, 'Sitzrahmen Beifahrer', SPT, 12),
  part('backrest-frame-6040', 430, 'Lehnenrahmen Rücksitz 60/40', SPT, 8),
  part('backrest-hinge', 430, 'Scharnier Rücksitzlehne', SPT, 100),
  part('gas-strut', 430, 'Gasdruckfeder Heckklappe', SPT, 80),
  // Large carriers (440)
  part('cockpit-beam-lhd', 440, 'Cockpitquerträger Magnesium Linkslenker', STO, 6),
  part('cockpit-beam-rhd', 440, 'Cockpitquerträger Magnesium Rechtslenker', STO, 6),
  part('frontend-carrier', 440, 'Frontendträger Kunststoff-Hybrid', STO, 6),
  // Locks and window regulators (450)
  ...perDoor((code, text) =>
    part(`window-regulator-${code}`, 450, `Fensterheber elektrisch ${text}`, SSG, 30),
  ),
  ...perDoor((code, text) => part(`door-lock-${code}`, 450, `Türschloss ${text}`, SSG, 60)),
  part('buckle-front', 450, 'Gurtschloss vorn', SSG, 100),
  part('buckle-rear', 450, 'Gurtschloss hinten', SSG, 120),
  part('backrest-release', 450, 'Lehnenentriegelung', SSG, 150),
  part('bonnet-lock', 450, 'Haubenschloss', SSG, 60),
  part('tailgate-lock', 450, 'Heckklappenschloss', SSG, 60),
  // Seat upholstery (510)
  part('foam-cushion', 510, 'Schaumteil Sitzkissen', PSX, 20),
  part('foam-backrest', 510, 'Schaumteil Rückenlehne', PSX, 20),
  part('cover-driver', 510, 'Sitzbezug Fahrer Stoff anthrazit', PSX, 30),
  part('cover-passenger', 510, 'Sitzbezug Beifahrer Stoff anthrazit', PSX, 30),
  part('foam-rear-backrest', 510, 'Schaumteil Rücksitzlehne 60/40', PSX, 10),
  part('cover-rear-backrest', 510, 'Bezug Rücksitzlehne Stoff anthrazit', PSX, 20),
  part('armrest', 510, 'Armauflage Kunstleder schwarz', PSX, 40),
  // Glass (610)
  ...perDoor((code, text) => part(`door-glass-${code}`, 610, `Türscheibe ${text}`, SBA, 20)),
  part('rear-window', 610, 'Heckscheibe beheizt', SBA, 10),
  // Airbags, pyrotechnics: ADR class 1.4G (710)
  part('side-airbag-left', 710, 'Seitenairbag links', ATS, 40),
  part('side-airbag-right', 710, 'Seitenairbag rechts', ATS, 40),
  part('passenger-airbag', 710, 'Beifahrerairbag-Modul', ATS, 20),
  // Adhesives, kept at 5–25 °C (810)
  part('structural-adhesive', 810, 'Strukturklebstoff 2K Kartusche 400 ml', AIB, 120),
  part('glass-adhesive', 810, 'Scheibenklebstoff PU Kartusche 310 ml', AIB, 120),
  part('tape-19mm', 810, 'Klebeband doppelseitig 19 mm', AIB, 500, 'M'),
  // Climate (910)
  part('hvac-unit', 910, 'Klimagerät Zweizonen', TTA, 8),
  part('vent-centre', 910, 'Luftdüse Mitte', TTA, 80),
  part('vent-side', 910, 'Luftdüse seitlich', TTA, 80),
];

/** Equipment variants in the catalogue that today's bills of material do not use. */
export const VARIANT_SUFFIXES: Readonly<Record<number, readonly string[]>> = {
  110: ['Ausstattung Premium-Sound', 'Anhängerkupplung-Vorrüstung', 'Ländervariante USA'],
  120: ['Premium', 'Ländervariante China'],
  210: ['Edelstahl', 'Sonderlänge'],
  310: ['schwarz hochglanz', 'platingrau', 'beige'],
  320: ['beflockt', 'Ersatzteil'],
  410: ['verstärkt', 'Vorserie'],
  420: ['eloxiert', 'Vorserie'],
  430: ['verstärkt', 'Vorserie'],
  440: ['Vorserie'],
  450: ['Komfortschließung', 'Softclose'],
  510: ['Leder schwarz', 'Leder cognac', 'Alcantara grau'],
  610: ['Akustikglas', 'getönt'],
  710: ['Ländervariante USA'],
  810: ['schnellhärtend'],
  910: ['Dreizonen', 'Ambientebeleuchtung'],
};
