/**
 * A village submits its summary of the visits (附件3) or of its self-inspection (附件5), which
 * locks it as submitted; only the township office reopens one.
 */
import { DomainError } from '@fupin/domain';
import { villageSummaries } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { type CampaignRow, getCampaign } from '../../campaigns/repository';
import { computeInspectionSummary } from '../../inspections/summary';
import { notifySummaryReturned } from '../../notifications/notify';
import { computeSummary, storedSummary, summaryKey } from '../summary';

export type SummaryKind = 'visit' | 'inspection';

const COMPUTE: Record<SummaryKind, (tx: CommandContext['tx'], c: CampaignRow, villageId: string) => Promise<unknown>> = {
  visit: computeSummary,
  inspection: computeInspectionSummary,
};

export async function submitSummary(ctx: CommandContext, input: { campaignId: string; villageId: string; kind?: SummaryKind }) {
  const kind = input.kind ?? 'visit';
  const { tx, now } = ctx;
  const campaign = await getCampaign(tx, input.campaignId);
  const t = campaign.townshipId;
  const before = await storedSummary(tx, t, campaign.id, input.villageId, kind);
  if (before?.status === 'submitted') return before;
  const data = await COMPUTE[kind](tx, campaign, input.villageId);
  const values = { status: 'submitted' as const, data, submittedBy: ctx.actor.userId, submittedAt: now };
  if (before) {
    await tx
      .update(villageSummaries)
      .set(values)
      .where(summaryKey(t, campaign.id, input.villageId, kind));
  } else {
    await tx
      .insert(villageSummaries)
      .values({ townshipId: t, campaignId: campaign.id, villageId: input.villageId, kind, ...values });
  }
  await ctx.audit.record({
    townshipId: t,
    entityType: `${kind}_summary`,
    entityId: `${campaign.id}:${input.villageId}`,
    action: 'submit',
    unitId: input.villageId,
    before,
    after: { ...values },
  });
  return storedSummary(tx, t, campaign.id, input.villageId, kind);
}

export async function reopenSummary(
  ctx: CommandContext,
  input: { campaignId: string; villageId: string; reason: string; kind?: SummaryKind },
) {
  const kind = input.kind ?? 'visit';
  const { tx, now } = ctx;
  const campaign = await getCampaign(tx, input.campaignId);
  const t = campaign.townshipId;
  const before = await storedSummary(tx, t, campaign.id, input.villageId, kind);
  if (before?.status !== 'submitted') throw new DomainError('SUMMARY_NOT_SUBMITTED');
  await tx
    .update(villageSummaries)
    .set({ status: 'reopened', reopenedBy: ctx.actor.userId, reopenedAt: now, reopenReason: input.reason })
    .where(summaryKey(t, campaign.id, input.villageId, kind));
  await ctx.audit.record({
    townshipId: t,
    entityType: `${kind}_summary`,
    entityId: `${campaign.id}:${input.villageId}`,
    action: 'reopen',
    unitId: input.villageId,
    before,
    after: { status: 'reopened', reason: input.reason },
  });
  await notifySummaryReturned(ctx, { townshipId: t, ...input, kind, submittedBy: before.submittedBy });
  return storedSummary(tx, t, campaign.id, input.villageId, kind);
}
