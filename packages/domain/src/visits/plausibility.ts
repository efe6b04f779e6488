/**
 * Visits that do not look like visits (DOMAIN.md §4): recorded far from the household's position,
 * or one of many by the same cadre minutes apart in different households.
 */

/** Great-circle distance in metres between two positions. */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const R = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

export interface PlausibilitySettings {
  /** farther than this from the household's recorded position is suspicious */
  maxDistanceMetres: number;
  /** two visits by one cadre to different households closer than this are suspicious */
  minMinutesBetween: number;
}

export const DEFAULT_PLAUSIBILITY: PlausibilitySettings = { maxDistanceMetres: 1000, minMinutesBetween: 5 };

export type PlausibilityFlag =
  | { code: 'far_from_home'; metres: number }
  | { code: 'too_quick'; minutes: number; otherHouseholdId: string };

/** The flags of one visit, given the household's position and the same cadre's other visits. */
export function checkPlausibility(
  visit: { visitedAt: Date; position: { latitude: number; longitude: number } | null; householdId: string },
  home: { latitude: number | null; longitude: number | null },
  others: readonly { visitedAt: Date; householdId: string }[],
  settings: PlausibilitySettings = DEFAULT_PLAUSIBILITY,
): PlausibilityFlag[] {
  const flags: PlausibilityFlag[] = [];
  if (visit.position && home.latitude !== null && home.longitude !== null) {
    const metres = Math.round(distanceMetres(visit.position, { latitude: home.latitude, longitude: home.longitude }));
    if (metres > settings.maxDistanceMetres) flags.push({ code: 'far_from_home', metres });
  }
  for (const o of others) {
    if (o.householdId === visit.householdId) continue;
    const minutes = Math.abs(visit.visitedAt.getTime() - o.visitedAt.getTime()) / 60_000;
    if (minutes < settings.minMinutesBetween) {
      flags.push({ code: 'too_quick', minutes: Math.round(minutes * 10) / 10, otherHouseholdId: o.householdId });
      break;
    }
  }
  return flags;
}
