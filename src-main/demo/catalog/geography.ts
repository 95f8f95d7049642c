import type { LatLon } from '../../domain/geo';

// Real places the demo trucks drive through. Coordinates are the town centres (or, for border
// crossings, the motorway crossing itself), rounded to about a hundred metres.

export interface Place {
  name: string;
  countryCode: string;
  at: LatLon;
  /** A border crossing: trucks may have to wait here. */
  border?: true;
}

/** The demo plant: a fictitious automotive supplier in the industrial area north of Ingolstadt. */
export const PLANT = {
  id: 'werk-gaimersheim',
  name: 'Donauwerk Modultechnik – Werk Gaimersheim',
  city: 'Gaimersheim',
  at: [48.8013, 11.3897] as LatLon,
  timeZone: 'Europe/Berlin',
  geofenceRadiusM: 600,
} as const;

export const PLACES = {
  // Germany
  ingolstadt: { name: 'Ingolstadt', countryCode: 'DE', at: [48.7665, 11.4258] },
  lenting: { name: 'Lenting', countryCode: 'DE', at: [48.8083, 11.4617] },
  manching: { name: 'Manching', countryCode: 'DE', at: [48.7167, 11.4967] },
  denkendorf: { name: 'Denkendorf', countryCode: 'DE', at: [48.9289, 11.4581] },
  greding: { name: 'Greding', countryCode: 'DE', at: [49.0475, 11.3547] },
  allersberg: { name: 'Allersberg', countryCode: 'DE', at: [49.2519, 11.2375] },
  nuernberg: { name: 'Nürnberg', countryCode: 'DE', at: [49.4521, 11.0767] },
  bayreuth: { name: 'Bayreuth', countryCode: 'DE', at: [49.9456, 11.5713] },
  hof: { name: 'Hof', countryCode: 'DE', at: [50.3135, 11.9128] },
  chemnitz: { name: 'Chemnitz', countryCode: 'DE', at: [50.8278, 12.9214] },
  dresden: { name: 'Dresden', countryCode: 'DE', at: [51.0504, 13.7373] },
  bautzen: { name: 'Bautzen', countryCode: 'DE', at: [51.1814, 14.4242] },
  regensburg: { name: 'Regensburg', countryCode: 'DE', at: [49.0134, 12.1016] },
  badAbbach: { name: 'Bad Abbach', countryCode: 'DE', at: [48.9356, 12.0436] },
  kelheim: { name: 'Kelheim', countryCode: 'DE', at: [48.9176, 11.8866] },
  neustadtDonau: { name: 'Neustadt a.d. Donau', countryCode: 'DE', at: [48.8, 11.7683] },
  vohburg: { name: 'Vohburg a.d. Donau', countryCode: 'DE', at: [48.7686, 11.6178] },
  landshut: { name: 'Landshut', countryCode: 'DE', at: [48.5372, 12.1522] },
  mainburg: { name: 'Mainburg', countryCode: 'DE', at: [48.6409, 11.7833] },
  geisenfeld: { name: 'Geisenfeld', countryCode: 'DE', at: [48.6844, 11.6114] },
  weiden: { name: 'Weiden i.d. OPf.', countryCode: 'DE', at: [49.6768, 12.1561] },
  pfreimd: { name: 'Pfreimd', countryCode: 'DE', at: [49.4947, 12.1819] },
  schwandorf: { name: 'Schwandorf', countryCode: 'DE', at: [49.3262, 12.1101] },
  deggendorf: { name: 'Deggendorf', countryCode: 'DE', at: [48.8406, 12.9606] },
  passau: { name: 'Passau', countryCode: 'DE', at: [48.5667, 13.4319] },
  muenchen: { name: 'München', countryCode: 'DE', at: [48.1372, 11.5756] },
  pfaffenhofen: { name: 'Pfaffenhofen a.d. Ilm', countryCode: 'DE', at: [48.531, 11.5056] },
  rosenheim: { name: 'Rosenheim', countryCode: 'DE', at: [47.8571, 12.1181] },
  stuttgart: { name: 'Stuttgart', countryCode: 'DE', at: [48.7758, 9.1829] },
  kirchheimTeck: { name: 'Kirchheim unter Teck', countryCode: 'DE', at: [48.6483, 9.4511] },
  ulm: { name: 'Ulm', countryCode: 'DE', at: [48.4011, 9.9876] },
  guenzburg: { name: 'Günzburg', countryCode: 'DE', at: [48.4527, 10.2713] },
  dillingen: { name: 'Dillingen a.d. Donau', countryCode: 'DE', at: [48.581, 10.495] },
  donauwoerth: { name: 'Donauwörth', countryCode: 'DE', at: [48.7188, 10.7795] },
  neuburg: { name: 'Neuburg a.d. Donau', countryCode: 'DE', at: [48.7333, 11.1833] },
  karlsruhe: { name: 'Karlsruhe', countryCode: 'DE', at: [49.0069, 8.4037] },
  pforzheim: { name: 'Pforzheim', countryCode: 'DE', at: [48.8922, 8.6947] },
  // Czechia
  plzen: { name: 'Plzeň', countryCode: 'CZ', at: [49.7384, 13.3736] },
  praha: { name: 'Praha', countryCode: 'CZ', at: [50.0755, 14.4378] },
  mladaBoleslav: { name: 'Mladá Boleslav', countryCode: 'CZ', at: [50.4114, 14.9032] },
  liberec: { name: 'Liberec', countryCode: 'CZ', at: [50.7663, 15.0543] },
  // Poland
  wroclaw: { name: 'Wrocław', countryCode: 'PL', at: [51.1079, 17.0385] },
  legnica: { name: 'Legnica', countryCode: 'PL', at: [51.207, 16.1553] },
  opole: { name: 'Opole', countryCode: 'PL', at: [50.6751, 17.9213] },
  katowice: { name: 'Katowice', countryCode: 'PL', at: [50.2649, 19.0238] },
  // Austria
  linz: { name: 'Linz', countryCode: 'AT', at: [48.3069, 14.2858] },
  wels: { name: 'Wels', countryCode: 'AT', at: [48.1575, 14.0289] },
  wien: { name: 'Wien', countryCode: 'AT', at: [48.2082, 16.3738] },
  stPoelten: { name: 'St. Pölten', countryCode: 'AT', at: [48.2047, 15.6256] },
  graz: { name: 'Graz', countryCode: 'AT', at: [47.0707, 15.4395] },
  liezen: { name: 'Liezen', countryCode: 'AT', at: [47.5667, 14.2333] },
  innsbruck: { name: 'Innsbruck', countryCode: 'AT', at: [47.2692, 11.4041] },
  kufstein: { name: 'Kufstein', countryCode: 'AT', at: [47.5833, 12.1667] },
  // Slovakia, Hungary
  bratislava: { name: 'Bratislava', countryCode: 'SK', at: [48.1486, 17.1077] },
  gyor: { name: 'Győr', countryCode: 'HU', at: [47.6875, 17.6504] },
  // Italy
  brennero: { name: 'Brennero', countryCode: 'IT', at: [47.0022, 11.5058] },
  bolzano: { name: 'Bolzano', countryCode: 'IT', at: [46.4983, 11.3548] },
  trento: { name: 'Trento', countryCode: 'IT', at: [46.0748, 11.1217] },
  verona: { name: 'Verona', countryCode: 'IT', at: [45.4384, 10.9916] },
  brescia: { name: 'Brescia', countryCode: 'IT', at: [45.5416, 10.2118] },
  milano: { name: 'Milano', countryCode: 'IT', at: [45.4642, 9.19] },
  torino: { name: 'Torino', countryCode: 'IT', at: [45.0703, 7.6869] },
  // France
  strasbourg: { name: 'Strasbourg', countryCode: 'FR', at: [48.5734, 7.7521] },
  // Border crossings
  waidhaus: { name: 'Waidhaus/Rozvadov (A6/D5)', countryCode: 'DE', at: [49.6556, 12.5286], border: true },
  ludwigsdorf: { name: 'Görlitz/Ludwigsdorf (A4)', countryCode: 'DE', at: [51.178, 14.99], border: true },
  suben: { name: 'Passau/Suben (A3/A8)', countryCode: 'AT', at: [48.4167, 13.43], border: true },
  kiefersfelden: {
    name: 'Kiefersfelden/Kufstein (A93)',
    countryCode: 'DE',
    at: [47.612, 12.186],
    border: true,
  },
  brenner: { name: 'Brennerpass (A22/A13)', countryCode: 'AT', at: [47.0058, 11.5072], border: true },
  nickelsdorf: {
    name: 'Nickelsdorf/Hegyeshalom (A4/M1)',
    countryCode: 'AT',
    at: [47.9375, 17.0978],
    border: true,
  },
  kittsee: { name: 'Kittsee/Jarovce (A6/D4)', countryCode: 'AT', at: [48.0703, 17.0717], border: true },
  kehl: { name: 'Kehl/Strasbourg (Europabrücke)', countryCode: 'DE', at: [48.5728, 7.8014], border: true },
} satisfies Record<string, Place>;

export type PlaceKey = keyof typeof PLACES;

export const BORDER_CROSSINGS: readonly Place[] = Object.values(PLACES).filter(
  (place: Place) => place.border === true,
);
