import type { DoorCapability } from '../model';
import type { PlaceKey } from './geography';

// The demo plant's partners. Company names are invented; the cities and the roads between them
// are real. The order of `route` is the way the truck drives, from the origin to the plant.

export interface SupplierProfile {
  id: string;
  name: string;
  code: string;
  origin: PlaceKey;
  route: readonly PlaceKey[];
  contactName: string;
  emailDomain: string;
  /** International dialling prefix with the area code, e.g. "+49 941". */
  phonePrefix: string;
  dailyTrucks: number;
  requires: readonly DoorCapability[];
  carrierIds: readonly string[];
}

export type PlateStyle =
  | { country: 'DE'; district: string }
  | { country: 'CZ'; region: string }
  | { country: 'PL'; district: string }
  | { country: 'AT'; district: string }
  | { country: 'IT' };

export interface CarrierProfile {
  id: string;
  name: string;
  place: PlaceKey;
  contactName: string;
  emailDomain: string;
  phonePrefix: string;
  plate: PlateStyle;
}

export const CARRIER_PROFILES: readonly CarrierProfile[] = [
  {
    id: 'car-donautal',
    name: 'Donautal Spedition GmbH',
    place: 'ingolstadt',
    contactName: 'Florian Wagner',
    emailDomain: 'donautal-spedition.de',
    phonePrefix: '+49 841',
    plate: { country: 'DE', district: 'IN' },
  },
  {
    id: 'car-nordgau',
    name: 'Nordgau Transporte GmbH & Co. KG',
    place: 'weiden',
    contactName: 'Sabine Kraus',
    emailDomain: 'nordgau-transporte.de',
    phonePrefix: '+49 961',
    plate: { country: 'DE', district: 'WEN' },
  },
  {
    id: 'car-bohemia',
    name: 'Bohemia Cargo s.r.o.',
    place: 'plzen',
    contactName: 'Tomáš Dvořák',
    emailDomain: 'bohemiacargo.cz',
    phonePrefix: '+420 377',
    plate: { country: 'CZ', region: 'P' },
  },
  {
    id: 'car-transodra',
    name: 'Trans-Odra Sp. z o.o.',
    place: 'wroclaw',
    contactName: 'Agnieszka Wiśniewska',
    emailDomain: 'trans-odra.pl',
    phonePrefix: '+48 71',
    plate: { country: 'PL', district: 'DW' },
  },
  {
    id: 'car-traunviertel',
    name: 'Traunviertel Transport GmbH',
    place: 'wels',
    contactName: 'Stefan Gruber',
    emailDomain: 'traunviertel-transport.at',
    phonePrefix: '+43 7242',
    plate: { country: 'AT', district: 'WE' },
  },
  {
    id: 'car-adige',
    name: 'Autotrasporti Adige S.r.l.',
    place: 'verona',
    contactName: 'Giulia Bianchi',
    emailDomain: 'autotrasportiadige.it',
    phonePrefix: '+39 045',
    plate: { country: 'IT' },
  },
];

const viaWaidhaus: readonly PlaceKey[] = ['waidhaus', 'pfreimd', 'schwandorf', 'regensburg', 'kelheim'];
const viaSuben: readonly PlaceKey[] = ['suben', 'passau', 'deggendorf', 'regensburg', 'kelheim'];
const viaLudwigsdorf: readonly PlaceKey[] = [
  'ludwigsdorf',
  'bautzen',
  'dresden',
  'chemnitz',
  'hof',
  'bayreuth',
  'nuernberg',
  'greding',
];
const viaBrenner: readonly PlaceKey[] = [
  'brenner',
  'innsbruck',
  'kufstein',
  'kiefersfelden',
  'rosenheim',
  'muenchen',
  'pfaffenhofen',
];

export const SUPPLIER_PROFILES: readonly SupplierProfile[] = [
  {
    id: 'sup-kabelwerk-oberpfalz',
    name: 'Kabelwerk Oberpfalz GmbH',
    code: 'KWO',
    origin: 'regensburg',
    route: ['regensburg', 'badAbbach', 'kelheim', 'neustadtDonau', 'vohburg'],
    contactName: 'Markus Huber',
    emailDomain: 'kabelwerk-oberpfalz.de',
    phonePrefix: '+49 941',
    dailyTrucks: 16,
    requires: [],
    carrierIds: ['car-donautal', 'car-nordgau'],
  },
  {
    id: 'sup-schraubenwerk-franken',
    name: 'Schraubenwerk Franken GmbH',
    code: 'SWF',
    origin: 'nuernberg',
    route: ['nuernberg', 'allersberg', 'greding', 'denkendorf', 'lenting'],
    contactName: 'Claudia Schmitt',
    emailDomain: 'schraubenwerk-franken.de',
    phonePrefix: '+49 911',
    dailyTrucks: 8,
    requires: [],
    carrierIds: ['car-donautal', 'car-nordgau'],
  },
  {
    id: 'sup-kunststofftechnik-landshut',
    name: 'Kunststofftechnik Landshut GmbH',
    code: 'KTL',
    origin: 'landshut',
    route: ['landshut', 'mainburg', 'geisenfeld', 'manching'],
    contactName: 'Thomas Bauer',
    emailDomain: 'kunststofftechnik-landshut.de',
    phonePrefix: '+49 871',
    dailyTrucks: 16,
    requires: [],
    carrierIds: ['car-donautal'],
  },
  {
    id: 'sup-praezision-stuttgart',
    name: 'Schwäbische Präzisionsteile AG',
    code: 'SPT',
    origin: 'stuttgart',
    route: ['stuttgart', 'kirchheimTeck', 'ulm', 'guenzburg', 'dillingen', 'donauwoerth', 'neuburg'],
    contactName: 'Andreas Keller',
    emailDomain: 'praezisionsteile-ag.de',
    phonePrefix: '+49 711',
    dailyTrucks: 10,
    requires: [],
    carrierIds: ['car-donautal'],
  },
  {
    id: 'sup-plzenske-lisovny',
    name: 'Plzeňské lisovny a.s.',
    code: 'PLI',
    origin: 'plzen',
    route: ['plzen', ...viaWaidhaus],
    contactName: 'Jana Nováková',
    emailDomain: 'plzenske-lisovny.cz',
    phonePrefix: '+420 377',
    dailyTrucks: 14,
    requires: [],
    carrierIds: ['car-bohemia', 'car-nordgau'],
  },
  {
    id: 'sup-sklo-bohemia',
    name: 'Sklo Bohemia Automotive s.r.o.',
    code: 'SBA',
    origin: 'liberec',
    route: ['liberec', 'mladaBoleslav', 'praha', 'plzen', ...viaWaidhaus],
    contactName: 'Petr Svoboda',
    emailDomain: 'sklo-bohemia.cz',
    phonePrefix: '+420 485',
    dailyTrucks: 10,
    requires: ['side_loading'],
    carrierIds: ['car-bohemia'],
  },
  {
    id: 'sup-polstex',
    name: 'Polstex Sp. z o.o.',
    code: 'PSX',
    origin: 'wroclaw',
    route: ['wroclaw', 'legnica', ...viaLudwigsdorf],
    contactName: 'Katarzyna Kowalska',
    emailDomain: 'polstex.pl',
    phonePrefix: '+48 71',
    dailyTrucks: 14,
    requires: [],
    carrierIds: ['car-transodra'],
  },
  {
    id: 'sup-elektromet',
    name: 'Elektromet Śląsk Sp. z o.o.',
    code: 'EMS',
    origin: 'katowice',
    route: ['katowice', 'opole', 'wroclaw', 'legnica', ...viaLudwigsdorf],
    contactName: 'Piotr Zieliński',
    emailDomain: 'elektromet-slask.pl',
    phonePrefix: '+48 32',
    dailyTrucks: 8,
    requires: [],
    carrierIds: ['car-transodra', 'car-nordgau'],
  },
  {
    id: 'sup-aluprofil-linz',
    name: 'Aluprofil Linz GmbH',
    code: 'APL',
    origin: 'linz',
    route: ['linz', 'wels', ...viaSuben],
    contactName: 'Christina Leitner',
    emailDomain: 'aluprofil-linz.at',
    phonePrefix: '+43 732',
    dailyTrucks: 8,
    requires: ['side_loading'],
    carrierIds: ['car-traunviertel'],
  },
  {
    id: 'sup-schliesssysteme-graz',
    name: 'Steirische Schließsysteme GmbH',
    code: 'SSG',
    origin: 'graz',
    route: ['graz', 'liezen', 'wels', ...viaSuben],
    contactName: 'Martin Pichler',
    emailDomain: 'schliesssysteme-graz.at',
    phonePrefix: '+43 316',
    dailyTrucks: 12,
    requires: [],
    carrierIds: ['car-traunviertel'],
  },
  {
    id: 'sup-gumotech',
    name: 'Gumotech Slovakia s.r.o.',
    code: 'GMT',
    origin: 'bratislava',
    route: ['bratislava', 'kittsee', 'wien', 'stPoelten', 'linz', 'wels', ...viaSuben],
    contactName: 'Peter Horváth',
    emailDomain: 'gumotech.sk',
    phonePrefix: '+421 2',
    dailyTrucks: 6,
    requires: [],
    carrierIds: ['car-traunviertel'],
  },
  {
    id: 'sup-airtec',
    name: 'Airtec Safety Systems Kft.',
    code: 'ATS',
    origin: 'gyor',
    route: ['gyor', 'nickelsdorf', 'wien', 'stPoelten', 'linz', 'wels', ...viaSuben],
    contactName: 'Zoltán Nagy',
    emailDomain: 'airtec-safety.hu',
    phonePrefix: '+36 96',
    dailyTrucks: 6,
    requires: ['hazardous'],
    carrierIds: ['car-traunviertel'],
  },
  {
    id: 'sup-adesivi-brescia',
    name: 'Adesivi Industriali Bresciani S.p.A.',
    code: 'AIB',
    origin: 'brescia',
    route: ['brescia', 'verona', 'trento', 'bolzano', 'brennero', ...viaBrenner],
    contactName: 'Marco Rossi',
    emailDomain: 'adesivibresciani.it',
    phonePrefix: '+39 030',
    dailyTrucks: 6,
    requires: ['cooled'],
    carrierIds: ['car-adige'],
  },
  {
    id: 'sup-stampaggi-torinesi',
    name: 'Stampaggi Torinesi S.p.A.',
    code: 'STO',
    origin: 'torino',
    route: ['torino', 'milano', 'brescia', 'verona', 'trento', 'bolzano', 'brennero', ...viaBrenner],
    contactName: 'Francesca Conti',
    emailDomain: 'stampaggitorinesi.it',
    phonePrefix: '+39 011',
    dailyTrucks: 10,
    requires: ['oversize'],
    carrierIds: ['car-adige'],
  },
  {
    id: 'sup-thermotec-alsace',
    name: 'Thermotec Alsace SAS',
    code: 'TTA',
    origin: 'strasbourg',
    route: [
      'strasbourg',
      'kehl',
      'karlsruhe',
      'pforzheim',
      'stuttgart',
      'ulm',
      'guenzburg',
      'donauwoerth',
      'neuburg',
    ],
    contactName: 'Claire Dubois',
    emailDomain: 'thermotec-alsace.fr',
    phonePrefix: '+33 3 88',
    dailyTrucks: 8,
    requires: [],
    carrierIds: ['car-donautal'],
  },
];
