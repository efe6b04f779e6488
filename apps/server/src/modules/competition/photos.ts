/** SQL of the judges' photos: the sheet of a round they belong to, how many a sheet has, those of many sheets. */
import { DomainError, term } from '@fupin/domain';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { competitionScorePhotos, competitionScores } from '../../db/schema/index';
import type { RoundRow } from './repository';

type Conn = Pick<Db, 'select'>;

export interface PhotoBrief {
  id: string;
  fileName: string;
  size: number;
}

/** A sheet of the round, by its id (the round gives the township, so the lookup uses the key). */
export async function scoreOfRound(db: Conn, round: Pick<RoundRow, 'townshipId' | 'id'>, scoreId: string) {
  const [score] = await db
    .select()
    .from(competitionScores)
    .where(
      and(
        eq(competitionScores.townshipId, round.townshipId),
        eq(competitionScores.id, scoreId),
        eq(competitionScores.roundId, round.id),
      ),
    );
  if (!score) throw new DomainError('NOT_FOUND', { entity: term('entity.competition_round') });
  return score;
}

export async function photoCount(db: Conn, townshipId: string, scoreId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(competitionScorePhotos)
    .where(and(eq(competitionScorePhotos.townshipId, townshipId), eq(competitionScorePhotos.scoreId, scoreId)));
  return Number(row?.n ?? 0);
}

/** The photos of these sheets, oldest first, without their bytes. */
export async function photosOfScores(db: Conn, townshipId: string, scoreIds: readonly string[]) {
  const out = new Map<string, PhotoBrief[]>();
  if (scoreIds.length === 0) return out;
  const rows = await db
    .select({
      id: competitionScorePhotos.id,
      scoreId: competitionScorePhotos.scoreId,
      fileName: competitionScorePhotos.fileName,
      size: competitionScorePhotos.size,
    })
    .from(competitionScorePhotos)
    .where(and(eq(competitionScorePhotos.townshipId, townshipId), inArray(competitionScorePhotos.scoreId, [...scoreIds])))
    .orderBy(asc(competitionScorePhotos.uploadedAt), asc(competitionScorePhotos.id));
  for (const { scoreId, ...photo } of rows) out.set(scoreId, [...(out.get(scoreId) ?? []), photo]);
  return out;
}

/** One photo with its bytes, of a sheet of the round. */
export async function photoOf(db: Conn, townshipId: string, scoreId: string, photoId: string) {
  const [row] = await db
    .select()
    .from(competitionScorePhotos)
    .where(
      and(
        eq(competitionScorePhotos.townshipId, townshipId),
        eq(competitionScorePhotos.scoreId, scoreId),
        eq(competitionScorePhotos.id, photoId),
      ),
    );
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.evidence') });
  return row;
}
