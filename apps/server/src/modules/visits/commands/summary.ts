/** A village submits its visit summary (which locks it); only the township office reopens one. */
import { DomainError } from '@fupin/domain';
import { villageSummaries } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getCampaign } from '../../campaigns/repository';
import { computeSummary, storedSummary, summaryKey } from '../summary';

export async function submitSummary(ctx: CommandContext, input: { campaignId: string; villageId: string }) {
  const { tx, now } = ctx;
  const campaign = await getCampaign(tx, input.campaignId);
  const t = campaign.townshipId;
  const before = await storedSummary(tx, t, campaign.id, input.villageId);
  if (before?.status === 'submitted') return before;
  const data = await computeSummary(tx, campaign, input.villageId);
  const values = { status: 'submitted' as const, data, submittedBy: ctx.actor.userId, submittedAt: now };
  if (before) {
    await tx
      .update(villageSummaries)
      .set(values)
      .where(summaryKey(t, campaign.id, input.villageId, 'visit'));
  } else {
    await tx.insert(villageSummaries).values({ townshipId: t, campaignId: campaign.id, villageId: input.villageId, ...values });
  }
  await ctx.audit.record({
    townshipId: t,
    entityType: 'visit_summary',
    entityId: `${campaign.id}:${input.villageId}`,
    action: 'submit',
    unitId: input.villageId,
    before,
    after: { ...values },
  });
  return storedSummary(tx, t, campaign.id, input.villageId);
}

export async function reopenSummary(ctx: CommandContext, input: { campaignId: string; villageId: string; reason: string }) {
  const { tx, now } = ctx;
  const campaign = await getCampaign(tx, input.campaignId);
  const t = campaign.townshipId;
  const before = await storedSummary(tx, t, campaign.id, input.villageId);
  if (before?.status !== 'submitted') throw new DomainError('SUMMARY_NOT_SUBMITTED');
  await tx
    .update(villageSummaries)
    .set({ status: 'reopened', reopenedBy: ctx.actor.userId, reopenedAt: now, reopenReason: input.reason })
    .where(summaryKey(t, campaign.id, input.villageId, 'visit'));
  await ctx.audit.record({
    townshipId: t,
    entityType: 'visit_summary',
    entityId: `${campaign.id}:${input.villageId}`,
    action: 'reopen',
    unitId: input.villageId,
    before,
    after: { status: 'reopened', reason: input.reason },
  });
  return storedSummary(tx, t, campaign.id, input.villageId);
}
