import type { RandomStream } from '../domain/seededRandom';
import type { PlateStyle } from './catalog/partners';
import type { Contact, FleetTruck } from './model';

// Contact data and truck plates that look right for each country.

const LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';

const letters = (random: RandomStream, count: number) =>
  Array.from({ length: count }, () => random.pick([...LETTERS])).join('');
const digits = (random: RandomStream, count: number, firstNonZero = true) =>
  Array.from({ length: count }, (_, i) => random.int(i === 0 && firstNonZero ? 1 : 0, 9)).join('');

/** "Jana Nováková" → "jana.novakova" */
function mailbox(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.');
}

export function contactFor(
  random: RandomStream,
  profile: { contactName: string; emailDomain: string; phonePrefix: string },
): Contact {
  return {
    name: profile.contactName,
    email: `${mailbox(profile.contactName)}@${profile.emailDomain}`,
    phone: `${profile.phonePrefix} ${digits(random, 3)} ${digits(random, 2, false)}${digits(random, 2, false)}`,
  };
}

/** A registration plate in the style of the carrier's country, e.g. "IN-LS 4821", "3P7 4821". */
export function truckPlate(random: RandomStream, style: PlateStyle): string {
  switch (style.country) {
    case 'DE':
      return `${style.district}-${letters(random, random.int(1, 2))} ${digits(random, random.int(2, 4))}`;
    case 'CZ':
      return `${random.int(1, 9)}${style.region}${random.int(0, 9)} ${digits(random, 4, false)}`;
    case 'PL':
      return random.chance(0.5)
        ? `${style.district} ${digits(random, 5)}`
        : `${style.district} ${digits(random, 3)}${letters(random, 2)}`;
    case 'AT':
      return `${style.district}-${digits(random, random.int(3, 5))}${letters(random, 1)}`;
    case 'IT':
      return `${letters(random, 2)} ${digits(random, 3, false)} ${letters(random, 2)}`;
  }
}

/** A carrier's trucks: distinct plates, each with the id of its GPS tracker. */
export function fleetFor(random: RandomStream, style: PlateStyle, size: number): FleetTruck[] {
  const plates = new Set<string>();
  while (plates.size < size) plates.add(truckPlate(random, style));
  return [...plates].map((plate) => ({
    plate,
    deviceId: `tk-${Math.floor(random.next() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`,
  }));
}
