/**
 * Photos a judge takes with a sheet (a leaking roof, a ruin not cleared): compressed on the phone,
 * checked here by their first bytes and size, kept in the database beside the sheet. Only the
 * sheet's own judge adds or removes them, and only while the round is being scored, like the sheet.
 */
import { DomainError, ROUND_STATUS_KEYS, scoresEditable, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { competitionScorePhotos } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { EVIDENCE_MAX_BYTES, sniffType } from '../../problems/commands/evidence';
import { photoCount, scoreOfRound } from '../photos';
import { getRound } from '../repository';

/** A sheet shows what was found, not an album. */
export const PHOTOS_PER_SHEET = 6;

/** The sheet of the round that the acting judge may still change. */
async function ownSheet(ctx: CommandContext, roundId: string, scoreId: string) {
  const round = await getRound(ctx.tx, roundId);
  const score = await scoreOfRound(ctx.tx, round, scoreId);
  if (!scoresEditable(round.status))
    throw new DomainError('COMPETITION_WRONG_STATE', { status: term(ROUND_STATUS_KEYS[round.status]) });
  if (score.judgeId !== ctx.actor.userId) throw new DomainError('FORBIDDEN');
  return score;
}

export async function addScorePhoto(
  ctx: CommandContext,
  input: { roundId: string; scoreId: string; fileName: string; data: Buffer },
) {
  const { tx, now } = ctx;
  const score = await ownSheet(ctx, input.roundId, input.scoreId);
  if (input.data.length > EVIDENCE_MAX_BYTES)
    throw new DomainError('EVIDENCE_TOO_LARGE', { max: EVIDENCE_MAX_BYTES / 1024 / 1024 });
  const mimeType = sniffType(input.data);
  // A wrong type is 415, as for the ledger's evidence: the request is well formed, its file is not a photo.
  if (!mimeType?.startsWith('image/')) throw new DomainError('PHOTO_TYPE');
  if ((await photoCount(tx, score.townshipId, score.id)) >= PHOTOS_PER_SHEET)
    throw new DomainError('VALIDATION_FAILED', {}, [
      { path: '', key: 'competition.photos_too_many', params: { max: PHOTOS_PER_SHEET } },
    ]);
  const row = {
    townshipId: score.townshipId,
    id: uuidv7(now),
    scoreId: score.id,
    fileName: input.fileName.slice(0, 200),
    mimeType,
    size: input.data.length,
    data: input.data,
    uploadedBy: ctx.actor.userId as string,
    uploadedAt: now,
  };
  await tx.insert(competitionScorePhotos).values(row);
  const { data: _data, ...described } = row;
  await ctx.audit.record({
    townshipId: score.townshipId,
    entityType: 'competition_score',
    entityId: score.id,
    action: 'add_evidence',
    unitId: score.villageId,
    after: described,
  });
  return described;
}

export async function removeScorePhoto(ctx: CommandContext, input: { roundId: string; scoreId: string; photoId: string }) {
  const score = await ownSheet(ctx, input.roundId, input.scoreId);
  const [gone] = await ctx.tx
    .delete(competitionScorePhotos)
    .where(
      and(
        eq(competitionScorePhotos.townshipId, score.townshipId),
        eq(competitionScorePhotos.scoreId, score.id),
        eq(competitionScorePhotos.id, input.photoId),
      ),
    )
    .returning({
      id: competitionScorePhotos.id,
      fileName: competitionScorePhotos.fileName,
      mimeType: competitionScorePhotos.mimeType,
      size: competitionScorePhotos.size,
      uploadedAt: competitionScorePhotos.uploadedAt,
    });
  if (!gone) throw new DomainError('NOT_FOUND', { entity: term('entity.evidence') });
  await ctx.audit.record({
    townshipId: score.townshipId,
    entityType: 'competition_score',
    entityId: score.id,
    action: 'delete',
    unitId: score.villageId,
    before: gone,
  });
}
