import { ALWAYS_OPEN, type OpeningWindow } from '../../domain/openingHours';
import type { DemoDoor, DemoShift } from '../model';

// The goods receipt of the demo plant: ten doors. Every special capability has one door that is
// open round the clock, so night and weekend trucks always find a door; the other doors keep
// office hours. Unloading stays under the 30-minute slot so a punctual door never falls behind.

const weekdays = (open: string, close: string): OpeningWindow => ({ days: [1, 2, 3, 4, 5], open, close });
const saturday = (open: string, close: string): OpeningWindow => ({ days: [6], open, close });

const dayShiftDoor = [weekdays('05:00', '22:00'), saturday('06:00', '14:00')];
const officeDoor = [weekdays('06:00', '20:00')];

export const DOCK_DOORS: readonly DemoDoor[] = [
  {
    id: 'tor-01',
    name: 'Tor 1',
    capabilities: [],
    openingHours: ALWAYS_OPEN,
    unloadMinutes: 20,
    sortOrder: 1,
  },
  {
    id: 'tor-02',
    name: 'Tor 2',
    capabilities: ['side_loading'],
    openingHours: ALWAYS_OPEN,
    unloadMinutes: 25,
    sortOrder: 2,
  },
  {
    id: 'tor-03',
    name: 'Tor 3',
    capabilities: ['cooled'],
    openingHours: ALWAYS_OPEN,
    unloadMinutes: 20,
    sortOrder: 3,
  },
  {
    id: 'tor-04',
    name: 'Tor 4',
    capabilities: ['hazardous'],
    openingHours: ALWAYS_OPEN,
    unloadMinutes: 25,
    sortOrder: 4,
  },
  {
    id: 'tor-05',
    name: 'Tor 5',
    capabilities: ['oversize', 'side_loading'],
    openingHours: ALWAYS_OPEN,
    unloadMinutes: 25,
    sortOrder: 5,
  },
  {
    id: 'tor-06',
    name: 'Tor 6',
    capabilities: [],
    openingHours: dayShiftDoor,
    unloadMinutes: 18,
    sortOrder: 6,
  },
  {
    id: 'tor-07',
    name: 'Tor 7',
    capabilities: ['cooled'],
    openingHours: [weekdays('05:00', '22:00')],
    unloadMinutes: 20,
    sortOrder: 7,
  },
  {
    id: 'tor-08',
    name: 'Tor 8',
    capabilities: ['side_loading'],
    openingHours: dayShiftDoor,
    unloadMinutes: 22,
    sortOrder: 8,
  },
  {
    id: 'tor-09',
    name: 'Tor 9',
    capabilities: ['hazardous'],
    openingHours: officeDoor,
    unloadMinutes: 25,
    sortOrder: 9,
  },
  {
    id: 'tor-10',
    name: 'Tor 10',
    capabilities: ['oversize'],
    openingHours: officeDoor,
    unloadMinutes: 25,
    sortOrder: 10,
  },
];

export const SHIFTS: readonly DemoShift[] = [
  { id: 'frueh', name: 'Frühschicht', startMinute: 6 * 60, endMinute: 14 * 60 },
  { id: 'spaet', name: 'Spätschicht', startMinute: 14 * 60, endMinute: 22 * 60 },
  { id: 'nacht', name: 'Nachtschicht', startMinute: 22 * 60, endMinute: 6 * 60 },
];
