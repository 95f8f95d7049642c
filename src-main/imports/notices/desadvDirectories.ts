// The DESADV directories and profiles Leitstand reads. The segments it uses sit at the same
// element positions in D.96A, D.01B and D.07A (the composites were renamed, not moved: TDT's
// C228 "transport means" became C001 in D.07A, and C222 carries the vehicle in all three), so one
// mapping serves all of them; the table says what each sender family is and what it adds.

export type DesadvDirectory = '96A' | '01B' | '07A';
export type DesadvProfile = 'un' | 'eancom' | 'vda4987';

export interface DesadvDialect {
  directory: DesadvDirectory;
  profile: DesadvProfile;
  /** For the preview: "DESADV D.07A, VDA 4987 (Global DESADV)". */
  label: string;
}

export const DESADV_DIRECTORIES: readonly DesadvDirectory[] = ['96A', '01B', '07A'];

const PROFILE_LABELS: Record<DesadvProfile, string> = {
  un: 'UN/EDIFACT',
  eancom: 'EANCOM',
  vda4987: 'VDA 4987 (Global DESADV)',
};

/**
 * The profile from UNH's association assigned code (S009, component 5): EANCOM writes EAN0xx,
 * the automotive Global DESADV of VDA 4987 writes GAVFxx (or a GA… code of the customer's guide).
 */
export function profileOf(associationCode: string): DesadvProfile {
  const code = associationCode.trim().toUpperCase();
  if (/^EAN\d{3}$/.test(code)) return 'eancom';
  if (/^(GAVF\d*|GA\d{2,}|VDA4987|GLOBAL)$/.test(code)) return 'vda4987';
  return 'un';
}

export function isDirectory(release: string): release is DesadvDirectory {
  return (DESADV_DIRECTORIES as readonly string[]).includes(release);
}

export function dialectOf(release: DesadvDirectory, associationCode: string): DesadvDialect {
  const profile = profileOf(associationCode);
  return { directory: release, profile, label: `DESADV D.${release}, ${PROFILE_LABELS[profile]}` };
}

/**
 * Item number types (7143) that name the plant's own part number, and those that name the
 * supplier's. GTINs (SRV, EN) are the supplier's article numbers: they map through supplier_part.
 */
export const PLANT_NUMBER_TYPES = new Set(['IN', 'BP']);
export const SUPPLIER_NUMBER_TYPES = new Set(['SA', 'VP', 'SRV', 'EN', 'MF']);
