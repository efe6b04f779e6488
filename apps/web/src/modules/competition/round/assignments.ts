/** The judges' grid as the assignment page edits it: judge ids by village and part, and back to the server's list. */
import { COMPETITION_PARTS, type CompetitionPart } from '@fupin/domain';
import type { Assignment, RoundVillage } from '../api';

/** `villageId:part` → judge ids */
export type Grid = Record<string, string[]>;
export const cell = (villageId: string, part: CompetitionPart) => `${villageId}:${part}`;

/** The grid of the assignments the round holds. */
export function gridOf(villages: RoundVillage[]): Grid {
  const g: Grid = {};
  for (const v of villages) for (const p of COMPETITION_PARTS) g[cell(v.villageId, p)] = v.judges[p].map((j) => j.id);
  return g;
}

/** The whole list the server takes, in village and part order (so two grids compare as text). */
export function assignmentsOf(villages: RoundVillage[], g: Grid): Assignment[] {
  return villages.flatMap((v) =>
    COMPETITION_PARTS.flatMap((part) =>
      (g[cell(v.villageId, part)] ?? []).map((judgeId) => ({ judgeId, part, villageId: v.villageId })),
    ),
  );
}
