/** The other part of each village's year-end evaluation (out of 100), entered by the township office. */
import { and, eq, inArray } from 'drizzle-orm';
import { competitionYearScores } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';

export async function saveYearScores(
  ctx: CommandContext,
  input: { townshipId: string; year: number; scores: { villageId: string; otherScore: number }[] },
) {
  const { tx, now } = ctx;
  const t = input.townshipId;
  const ids = input.scores.map((s) => s.villageId);
  const before = new Map(
    (ids.length
      ? await tx
          .select()
          .from(competitionYearScores)
          .where(
            and(
              eq(competitionYearScores.townshipId, t),
              eq(competitionYearScores.year, input.year),
              inArray(competitionYearScores.villageId, ids),
            ),
          )
      : []
    ).map((r) => [r.villageId, Number(r.otherScore)]),
  );
  const changed = input.scores.filter((s) => before.get(s.villageId) !== s.otherScore);
  for (const s of changed)
    await tx
      .insert(competitionYearScores)
      .values({ townshipId: t, year: input.year, villageId: s.villageId, otherScore: s.otherScore, updatedAt: now })
      .onConflictDoUpdate({
        target: [competitionYearScores.townshipId, competitionYearScores.year, competitionYearScores.villageId],
        set: { otherScore: s.otherScore, updatedAt: now },
      });
  await ctx.audit.recordMany(
    changed.map((s) => ({
      townshipId: t,
      entityType: 'competition_year_score',
      entityId: `${input.year}:${s.villageId}`,
      action: 'save',
      unitId: s.villageId,
      before: before.has(s.villageId) ? { year: input.year, otherScore: before.get(s.villageId) } : null,
      after: { year: input.year, otherScore: s.otherScore },
    })),
  );
  return changed.length;
}
