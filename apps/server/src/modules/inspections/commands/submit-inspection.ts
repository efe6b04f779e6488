/**
 * Records an inspection: a village's self-check of a site (附件4), a sector leader's sweep, or a
 * cross-check of a village by the county's work group or an area leader. Every item found wanting
 * becomes a problem in the ledger; a cross-check also confirms or reopens the village's closed
 * problems and records what it finds anew (counted in the village's and the township's totals).
 */
import { DomainError, type Grant, type ProblemCategory, type ProblemSource, phaseOf, SECTORS_INSPECTED } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { type InspectionKind, inspections, problemEvents } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { getCampaign, phasesOf } from '../../campaigns/repository';
import { recordProblem } from '../../problems/commands/manage-problem';
import { transitionProblem } from '../../problems/commands/transition-problem';
import { getProblem } from '../../problems/repository';
import { checklistOf, getSite } from '../repository';

export interface InspectionInput {
  id: string;
  campaignId: string;
  kind: InspectionKind;
  villageId: string | null;
  siteId: string | null;
  sector: string | null;
  inspectedAt: string;
  results: { code: string; ok: boolean; note: string | null; householdId: string | null; villageId: string | null }[];
  reviews: { problemId: string; confirmed: boolean; note: string | null }[];
  findings: { category: ProblemCategory; description: string; householdId: string | null }[];
  note: string | null;
  grants: readonly Grant[];
}

const SOURCE: Record<InspectionKind, ProblemSource> = {
  village_self: 'village_self_check',
  sector: 'sector_inspection',
  county_crosscheck: 'county_crosscheck',
  town_crosscheck: 'town_crosscheck',
};

export async function submitInspection(ctx: CommandContext, input: InspectionInput) {
  const { tx, now } = ctx;
  const campaign = await getCampaign(tx, input.campaignId);
  const t = campaign.townshipId;
  const [existing] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.townshipId, t), eq(inspections.id, input.id)));
  if (existing) return { inspection: existing, problems: 0, reopened: 0, duplicate: true };
  const phases = phasesOf(campaign);
  let target = '';
  let place = '';
  if (input.kind === 'village_self') {
    if (!input.siteId || !input.villageId)
      throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'siteId', key: 'issue.required' }]);
    const site = await getSite(tx, t, input.siteId);
    if (site.villageId !== input.villageId)
      throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'siteId', key: 'issue.invalid_option' }]);
    target = site.kind;
    place = site.name;
  } else if (input.kind === 'sector') {
    if (!input.sector || !(input.sector in SECTORS_INSPECTED))
      throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'sector', key: 'issue.invalid_option' }]);
    target = input.sector;
    place = SECTORS_INSPECTED[input.sector]?.zh ?? input.sector;
  } else if (!input.villageId) {
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'villageId', key: 'issue.required' }]);
  }
  const items = target ? await checklistOf(tx, t, target) : [];
  for (const r of input.results) {
    if (!items.some((i) => i.code === r.code))
      throw new DomainError('VALIDATION_FAILED', {}, [
        { path: 'results', key: 'inspection.unknown_item', params: { code: r.code } },
      ]);
  }
  await tx.insert(inspections).values({
    townshipId: t,
    id: input.id,
    campaignId: campaign.id,
    kind: input.kind,
    villageId: input.villageId,
    siteId: input.siteId,
    sector: input.sector,
    inspectorId: ctx.actor.userId as string,
    inspectedAt: new Date(input.inspectedAt),
    results: { items: input.results, reviews: input.reviews, findings: input.findings },
    note: input.note,
    createdAt: now,
  });
  // Village self-checks are fixed in the village by its deadline; what sectors and cross-checks find, in the sprint.
  const deadline = phaseOf(phases, input.kind === 'village_self' ? 'village_rectification' : 'rectification_sprint').end;
  let made = 0;
  for (const r of input.results.filter((x) => !x.ok)) {
    const item = items.find((i) => i.code === r.code);
    const villageId = r.villageId ?? input.villageId;
    await recordProblem(ctx, {
      id: uuidv7(now),
      source: SOURCE[input.kind],
      category: input.kind === 'village_self' ? 'site' : (target as ProblemCategory),
      townshipId: t,
      villageId,
      householdId: r.householdId,
      siteId: input.siteId,
      description: `${place}：${item?.text ?? r.code}不达标${r.note ? `（${r.note}）` : ''}`,
      level: input.kind === 'sector' ? 'township' : 'village',
      deadline,
      responsibleUnitId: input.kind === 'sector' ? t : villageId,
      responsibleUserId: null,
      campaignId: campaign.id,
      inspectionId: input.id,
      originKey: `inspection:${input.id}:${r.code}:${r.householdId ?? r.villageId ?? ''}`,
    });
    made++;
  }
  for (const [i, f] of input.findings.entries()) {
    await recordProblem(ctx, {
      id: uuidv7(now),
      source: SOURCE[input.kind],
      category: f.category,
      townshipId: t,
      villageId: input.villageId,
      householdId: f.householdId,
      siteId: null,
      description: f.description,
      level: 'village',
      deadline,
      responsibleUnitId: input.villageId,
      responsibleUserId: null,
      campaignId: campaign.id,
      inspectionId: input.id,
      originKey: `inspection:${input.id}:finding:${i}`,
    });
    made++;
  }
  let reopened = 0;
  for (const r of input.reviews) {
    const p = await getProblem(tx, r.problemId);
    if (p.townshipId !== t || (input.villageId && p.villageId !== input.villageId) || p.status !== 'closed')
      throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'reviews', key: 'issue.invalid_option' }]);
    if (r.confirmed) {
      await tx.insert(problemEvents).values({
        townshipId: t,
        id: uuidv7(now),
        problemId: p.id,
        at: now,
        actorId: ctx.actor.userId,
        action: 'crosscheck_confirm',
        note: r.note,
        data: { inspectionId: input.id },
      });
    } else {
      await transitionProblem(ctx, { id: p.id, action: 'reopen', note: r.note, grants: input.grants });
      reopened++;
    }
  }
  await ctx.audit.record({
    townshipId: t,
    entityType: 'inspection',
    entityId: input.id,
    action: 'submit',
    unitId: input.villageId ?? t,
    after: {
      kind: input.kind,
      siteId: input.siteId,
      sector: input.sector,
      failed: input.results.filter((x) => !x.ok).length,
      problems: made,
      reopened,
    },
  });
  return { inspection: null, problems: made, reopened, duplicate: false };
}
