import { z } from 'zod';

// Small shared pieces of the settings documents.

/** The same default the map view uses for online tiles. */
export const OSM_TILE_URL_FOR_SETTINGS = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export const DEFAULT_NUMBER = z.number().int().min(0);
export const LANGUAGE = z.enum(['de', 'en']);
