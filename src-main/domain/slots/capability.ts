import { z } from 'zod';

// Door capabilities (dock_door.capabilities) and what a delivery needs
// (inbound_delivery.required_capabilities): both JSON arrays of names such as "cooled",
// "hazardous", "side_loading", "oversize". A door fits a truck when it has every capability the
// truck needs; what the door has beyond that is a reason to keep it free for the trucks that need it.

const capabilityList = z.array(z.string().min(1));

/** Parses a JSON capability column; anything unreadable counts as "no capabilities". */
export function parseCapabilities(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const parsed = capabilityList.safeParse(JSON.parse(json));
    return parsed.success ? [...new Set(parsed.data)] : [];
  } catch {
    return [];
  }
}

/** The capabilities the truck needs that the door lacks (empty: the door fits). */
export function missingCapabilities(required: readonly string[], door: readonly string[]): string[] {
  return required.filter((capability) => !door.includes(capability));
}

/** The door's capabilities the truck does not need: the door is the more special for each. */
export function spareCapabilities(required: readonly string[], door: readonly string[]): string[] {
  return door.filter((capability) => !required.includes(capability));
}
