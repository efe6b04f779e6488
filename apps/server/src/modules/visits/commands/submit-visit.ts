/**
 * Records a visit form. Idempotent by the id the phone made: a retry after a lost answer, or the
 * offline queue sending twice, finds the visit already there and answers the same. With the form
 * it records what differs from the registry (for the village to accept or reject — never applied
 * silently), the problems it found (into the ledger), the flags of the household as found, and
 * whether the visit looks plausible.
 *
 * The busiest write of the system (a township's phones sending their queues when the signal
 * returns), so it counts round trips: the access check's one read gives the command everything
 * (submissionReads), and the usual submission — a new visit that finds no difference from the
 * registry and no problem — is one statement, the visit with its audit entry, sent without BEGIN
 * and COMMIT: PostgreSQL runs a lone statement as a transaction of its own, so the two rows
 * commit together or not at all, as in a transaction of three round trips. A submission that
 * writes more runs as a command in one transaction.
 */
import {
  checkPlausibility,
  DomainError,
  type FlagsSummary,
  householdAsObserved,
  membersConfirmed,
  perCapitaIncome,
  phaseOf,
  problemsFromVisit,
  type RegistryHousehold,
  totalIncome,
  type VisitForm,
} from '@fupin/domain';
import type { Database, Db, Tx } from '../../../db/client';
import { noteWrite } from '../../../db/read-routing';
import { discrepancies, problemEvents, problems } from '../../../db/schema/index';
import type { Clock } from '../../../lib/clock';
import { type CommandContext, runCommand } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { type Actor, type AuditEntry, auditRow } from '../../audit/writer';
import { getCampaign, phasesOf } from '../../campaigns/repository';
import { findHousehold } from '../../households/repository';
import { evaluatorOfVersion } from '../../rules/repository';
import {
  insertVisitWithAudit,
  isDuplicateVisit,
  type NewVisit,
  type StoredSubmission,
  type SubmissionReads,
  storedSubmission,
  submissionReads,
} from '../repository';

const ON_SITE = '走访时现场解决';
export interface SubmitResult {
  visitId: string;
  householdId: string;
  problems: number;
  discrepancies: number;
  plausibility: unknown[];
  flags: FlagsSummary;
  /** the registry changed after the form was opened: the village sees the differences as conflicts */
  stale: boolean;
  duplicate: boolean;
}

export interface SubmitInput {
  form: VisitForm;
  visitorId: string;
  /**
   * what the access check read, when the household is of the campaign's township (as it must be);
   * null otherwise: the command then reads in its transaction and refuses with the right error
   */
  reads: SubmissionReads | null;
}

/** Submits a visit form (see the top of this file). */
export async function submitVisit(
  deps: { database: Database; clock: Clock },
  actor: Actor,
  input: SubmitInput,
): Promise<SubmitResult> {
  const { database, clock } = deps;
  const { reads } = input;
  if (!reads?.household) return runCommand(database, clock, actor, submitInTransaction, input);
  const now = clock.now();
  const plan = await planSubmission(database.db, reads, input, now);
  if (plan.kind === 'answered') return plan.result;
  // More than the visit: the plan is written in one transaction.
  if (plan.differences.length || plan.problems.length)
    return runCommand(database, clock, actor, (ctx) => writeSubmission(ctx, plan), null);
  try {
    await insertVisitWithAudit(database.db, plan.visit, auditRow(actor, now, plan.audit));
  } catch (error) {
    // The same form sent twice at once: the second finds the first's visit when it reads again.
    if (isDuplicateVisit(error)) return runCommand(database, clock, actor, submitInTransaction, { ...input, reads: null });
    throw error;
  }
  // With a read replica, the writer's reports stay on the primary until the replica has this write.
  await noteWrite(database, actor.userId);
  return plan.result;
}

/** Reads and writes in one transaction: the path of forms whose household and campaign do not match, and of races. */
async function submitInTransaction(ctx: CommandContext, input: SubmitInput): Promise<SubmitResult> {
  const { tx, now } = ctx;
  const { form } = input;
  const household = await findHousehold(tx, form.householdId);
  // One statement reads the rest when the campaign is the household's township's (as it must be).
  const reads = household
    ? await submissionReads(tx, {
        townshipId: household.townshipId,
        campaignId: form.campaignId,
        visitId: form.id,
        householdId: household.id,
        visitorId: input.visitorId,
        visitedAt: new Date(form.visitedAt),
      })
    : null;
  if (!reads) {
    const existing = await storedSubmission(tx, form.id);
    if (existing) return answerStored(existing, input);
    if (!household) throw new DomainError('NOT_FOUND', { entity: 'i18n:entity.household' });
    await getCampaign(tx, form.campaignId); // NOT_FOUND when it does not exist at all
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'campaignId', key: 'issue.invalid_option' }]);
  }
  const plan = await planSubmission(tx, reads, input, now);
  return plan.kind === 'answered' ? plan.result : writeSubmission(ctx, plan);
}

/** A visit stored under the form's id: the same answer as the first time, or a conflict for another household or visitor. */
function answerStored(existing: StoredSubmission, input: SubmitInput): SubmitResult {
  if (existing.householdId !== input.form.householdId || existing.visitorId !== input.visitorId)
    throw new DomainError('IDEMPOTENCY_CONFLICT');
  const computed = existing.computed as { flags: FlagsSummary; stale: boolean; problems: number; discrepancies: number };
  return {
    visitId: existing.id,
    householdId: existing.householdId,
    problems: computed.problems,
    discrepancies: computed.discrepancies,
    plausibility: existing.plausibility as unknown[],
    flags: computed.flags,
    stale: computed.stale,
    duplicate: true,
  };
}

type ProblemRow = typeof problems.$inferInsert & { id: string; villageId: string; status: 'open' | 'submitted' };
type Difference = Omit<
  typeof discrepancies.$inferInsert,
  'townshipId' | 'id' | 'visitId' | 'householdId' | 'status' | 'createdAt'
>;

/** What a submission writes, decided from its reads: pure but for compiling a rule set not yet cached. */
type Plan =
  | { kind: 'answered'; result: SubmitResult }
  | {
      kind: 'write';
      result: SubmitResult;
      visit: NewVisit;
      audit: AuditEntry;
      problems: ProblemRow[];
      differences: Difference[];
    };

async function planSubmission(db: Db | Tx, reads: SubmissionReads, input: SubmitInput, now: Date): Promise<Plan> {
  const { form } = input;
  if (reads.existing) return { kind: 'answered', result: answerStored(reads.existing, input) };
  const household = reads.household;
  if (!household || !reads.registry) throw new DomainError('NOT_FOUND', { entity: 'i18n:entity.household' });
  const t = household.townshipId;
  const campaign = reads.campaign;
  const visitedAt = new Date(form.visitedAt);

  // The household as found, and its flags under the active rule set.
  const observed = householdAsObserved(reads.registry as RegistryHousehold, form);
  const active = reads.ruleSet;
  const flags = active
    ? (await evaluatorOfVersion(db, active.id, active.updatedAt))
        .evaluate(observed)
        .map((f) => ({ ruleId: f.ruleId, explanation: f.explanation }))
    : [];
  const current = observed.members.filter((m) => m.status === 'current').length;
  const plausibility = checkPlausibility(
    { visitedAt, position: form.position, householdId: household.id },
    { latitude: household.latitude, longitude: household.longitude },
    reads.near,
  );

  const found = problemsFromVisit(form, household);
  const deadline = phaseOf(phasesOf(campaign), 'village_rectification').end;
  const rows = found.map((p) => ({
    townshipId: t,
    id: uuidv7(now),
    source: 'visit',
    category: p.category,
    villageId: household.villageId,
    householdId: household.id,
    description: p.description,
    level: 'village' as const,
    responsibleUnitId: household.villageId,
    deadline,
    // Fixed while the cadre was there: the fix is submitted at once, and still closes only when
    // someone else verifies it (nothing closes on the fixer's word alone).
    status: p.solvedOnSite ? ('submitted' as const) : ('open' as const),
    originKey: `visit:${form.id}:${p.key}`,
    visitId: form.id,
    campaignId: campaign.id,
    createdBy: input.visitorId,
    createdAt: now,
    updatedAt: now,
    submittedAt: p.solvedOnSite ? now : null,
    submittedBy: p.solvedOnSite ? input.visitorId : null,
    measures: p.solvedOnSite ? ON_SITE : null,
  }));

  // What differs from the registry, as the cadre saw the registry when the form was opened.
  const differences = [
    ...form.observations
      .filter((o) => JSON.stringify(o.registryValue) !== JSON.stringify(o.observedValue))
      .map((o) => ({
        memberId: o.memberId,
        kind: 'field' as const,
        field: o.field,
        registryValue: o.registryValue,
        observedValue: o.observedValue,
      })),
    ...form.members
      .filter((m) => m.check !== 'present')
      .map((m) =>
        m.memberId
          ? {
              memberId: m.memberId,
              kind: 'member_status' as const,
              field: 'status',
              registryValue: 'current',
              observedValue: { check: m.check, date: m.date, note: m.note },
            }
          : {
              memberId: null,
              kind: 'member_new' as const,
              field: null,
              registryValue: null,
              observedValue: {
                check: m.check,
                name: m.name,
                sex: m.sex,
                birthDate: m.birthDate,
                relation: m.relation,
                idNumber: m.idNumber,
                date: m.date,
              },
            },
      ),
  ];
  const stale = household.version !== form.baseVersion;
  const computed = {
    income: { total: totalIncome(form.income), perCapita: perCapitaIncome(form.income, current), currentMembers: current },
    flags,
    ruleSetId: active?.id ?? null,
    stale,
    problems: rows.length,
    discrepancies: differences.length,
  };
  const result: SubmitResult = {
    visitId: form.id,
    householdId: household.id,
    problems: rows.length,
    discrepancies: differences.length,
    plausibility,
    flags,
    stale,
    duplicate: false,
  };
  const visit: NewVisit = {
    townshipId: t,
    id: form.id,
    campaignId: campaign.id,
    householdId: household.id,
    visitorId: input.visitorId,
    formType: household.povertyStatus === 'none' ? 'marginal_key' : 'registered',
    visitedAt,
    receivedAt: now,
    latitude: form.position?.latitude ?? null,
    longitude: form.position?.longitude ?? null,
    accuracy: form.position?.accuracy ?? null,
    baseVersion: form.baseVersion,
    form,
    computed,
    plausibility,
    membersConfirmed: membersConfirmed(form),
  };
  const audit: AuditEntry = {
    townshipId: t,
    entityType: 'visit',
    entityId: form.id,
    action: 'submit',
    unitId: household.villageId,
    after: {
      householdId: household.id,
      campaignId: campaign.id,
      visitedAt: form.visitedAt,
      problems: rows.length,
      discrepancies: differences.length,
      plausibility,
      flags: flags.map((f) => f.ruleId),
    },
  };
  return { kind: 'write', result, visit, audit, problems: rows, differences };
}

/** Writes a planned submission in the command's transaction: the visit with its audit entry, then what else it found. */
async function writeSubmission(ctx: CommandContext, plan: Plan): Promise<SubmitResult> {
  if (plan.kind === 'answered') return plan.result;
  const { tx, now } = ctx;
  const { visit, differences, problems: rows } = plan;
  const t = visit.townshipId;
  await insertVisitWithAudit(tx, visit, auditRow(ctx.actor, now, plan.audit));
  if (differences.length) {
    await tx.insert(discrepancies).values(
      differences.map((d) => ({
        townshipId: t,
        id: uuidv7(now),
        visitId: visit.id,
        householdId: visit.householdId,
        status: 'pending' as const,
        createdAt: now,
        ...d,
      })),
    );
  }
  const inserted = rows.length ? await tx.insert(problems).values(rows).onConflictDoNothing().returning({ id: problems.id }) : [];
  const made = rows.filter((r) => inserted.some((i) => i.id === r.id));
  if (made.length) {
    await tx.insert(problemEvents).values(
      made.map((p) => ({
        townshipId: t,
        id: uuidv7(now),
        problemId: p.id,
        at: now,
        actorId: visit.visitorId,
        action: 'create',
        toStatus: p.status,
        note: p.status === 'submitted' ? ON_SITE : null,
        data: p.status === 'submitted' ? { solvedOnSite: true } : null,
      })),
    );
  }
  // Problems made by the visit are household entities of their own: their history starts here.
  await ctx.audit.recordMany(
    made.map((r) => ({ townshipId: t, entityType: 'problem', entityId: r.id, action: 'create', unitId: r.villageId, after: r })),
  );
  return plan.result;
}
