/**
 * Evidence of a fix: photos (compressed on the phone before upload) and documents, checked for
 * type by their first bytes (not only by what the client claims) and for size, stored with the
 * problem so a backup holds them.
 */
import { DomainError } from '@fupin/domain';
import { problemEvidence } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { evidenceCount, getProblem } from '../repository';

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 12;

/** The real type of a file from its first bytes, or null when it is none of the accepted ones. */
export function sniffType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export async function addEvidence(ctx: CommandContext, input: { problemId: string; fileName: string; data: Buffer }) {
  const { tx, now } = ctx;
  const problem = await getProblem(tx, input.problemId);
  if (input.data.length > EVIDENCE_MAX_BYTES)
    throw new DomainError('EVIDENCE_TOO_LARGE', { max: EVIDENCE_MAX_BYTES / 1024 / 1024 });
  const mimeType = sniffType(input.data);
  if (!mimeType) throw new DomainError('EVIDENCE_TYPE');
  if ((await evidenceCount(tx, problem.townshipId, problem.id)) >= EVIDENCE_MAX_FILES)
    throw new DomainError('EVIDENCE_TOO_MANY', { max: EVIDENCE_MAX_FILES });
  const row = {
    townshipId: problem.townshipId,
    id: uuidv7(now),
    problemId: problem.id,
    fileName: input.fileName.slice(0, 200),
    mimeType,
    size: input.data.length,
    data: input.data,
    uploadedBy: ctx.actor.userId as string,
    uploadedAt: now,
  };
  await tx.insert(problemEvidence).values(row);
  const { data: _data, ...described } = row;
  await ctx.audit.record({
    townshipId: problem.townshipId,
    entityType: 'problem',
    entityId: problem.id,
    action: 'add_evidence',
    unitId: problem.villageId ?? problem.townshipId,
    after: described,
  });
  return described;
}
