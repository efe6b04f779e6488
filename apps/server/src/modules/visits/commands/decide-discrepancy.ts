/**
 * The village decides each difference a visit found: accepted, it goes into the registry (an
 * audited change of the household, flags recomputed); rejected, the registry stands. When the
 * registry changed after the visit, accepting needs the decider to confirm, having seen both.
 */
import { createHouseholdInput, DomainError, memberInput, term } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { selectRows, type Tx } from '../../../db/client';
import { discrepancies, households, members } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { pinyinKey } from '../../../lib/pinyin';
import { findMemberByIdNumber, getHousehold, householdAuditDoc } from '../../households/repository';
import { refreshFlags } from '../../rules/refresh-flags';

export type DiscrepancyRow = typeof discrepancies.$inferSelect;

/** The registry's value of the field now. */
export async function currentValue(tx: Tx, d: DiscrepancyRow): Promise<unknown> {
  if (d.kind === 'member_new') return null;
  if (d.kind === 'member_status') {
    const [m] = await tx
      .select({ status: members.status })
      .from(members)
      .where(and(eq(members.townshipId, d.townshipId), eq(members.id, d.memberId ?? '')));
    return m?.status ?? null;
  }
  const table = d.memberId ? members : households;
  const id = d.memberId ?? d.householdId;
  const [row] = await tx
    .select()
    .from(table)
    .where(and(eq(table.townshipId, d.townshipId), eq(table.id, id)));
  return row ? ((row as Record<string, unknown>)[d.field ?? ''] ?? null) : null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function apply(tx: Tx, d: DiscrepancyRow, now: Date): Promise<void> {
  if (d.kind === 'field') {
    const field = d.field as string;
    if (d.memberId) {
      const shape = memberInput.shape[field as keyof typeof memberInput.shape];
      const value = shape ? shape.safeParse(d.observedValue) : null;
      if (!value?.success) throw new DomainError('VALIDATION_FAILED', {}, [{ path: field, key: 'issue.type' }]);
      await tx
        .update(members)
        .set({ [field]: value.data, updatedAt: now, version: sql`${members.version} + 1` })
        .where(and(eq(members.townshipId, d.townshipId), eq(members.id, d.memberId)));
    } else {
      const shape = createHouseholdInput.shape[field as keyof typeof createHouseholdInput.shape];
      const value = shape ? shape.safeParse(d.observedValue) : null;
      if (!value?.success) throw new DomainError('VALIDATION_FAILED', {}, [{ path: field, key: 'issue.type' }]);
      await tx
        .update(households)
        .set({ [field]: value.data })
        .where(and(eq(households.townshipId, d.townshipId), eq(households.id, d.householdId)));
    }
  } else if (d.kind === 'member_status') {
    const observed = d.observedValue as { check: string; date: string | null };
    const status = observed.check === 'died' ? 'died' : 'moved_out';
    await tx
      .update(members)
      .set({ status, statusDate: observed.date, updatedAt: now, version: sql`${members.version} + 1` })
      .where(and(eq(members.townshipId, d.townshipId), eq(members.id, d.memberId ?? '')));
  } else {
    const o = d.observedValue as {
      name: string;
      sex: string | null;
      birthDate: string | null;
      relation: string | null;
      idNumber: string | null;
      check: string;
    };
    if (o.idNumber) {
      const holder = await findMemberByIdNumber(tx, d.townshipId, o.idNumber);
      if (holder) {
        const params = {
          idNumber: o.idNumber,
          head: holder.headName,
          number: holder.householdNumber ?? '—',
          village: holder.villageName,
        };
        throw new DomainError('MEMBER_ID_TAKEN', params);
      }
    }
    const [{ n } = { n: 0 }] = await selectRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from members where township_id = ${d.townshipId} and household_id = ${d.householdId}`,
    );
    await tx.insert(members).values({
      townshipId: d.townshipId,
      id: uuidv7(now),
      householdId: d.householdId,
      name: o.name,
      namePinyin: pinyinKey(o.name),
      idNumber: o.idNumber,
      relation: o.relation ?? 'other',
      sex: o.sex ?? 'male',
      birthDate: o.birthDate,
      maritalStatus: o.check === 'married_in' ? 'married' : 'unmarried',
      labourCapacity: o.check === 'born' ? 'none' : null,
      schoolingStage: o.check === 'born' ? 'not_in_school' : null,
      status: 'current',
      statusDate: null,
      sortOrder: n,
      createdAt: now,
      updatedAt: now,
    });
  }
  await tx
    .update(households)
    .set({ version: sql`${households.version} + 1`, updatedAt: now })
    .where(and(eq(households.townshipId, d.townshipId), eq(households.id, d.householdId)));
}

export async function decideDiscrepancy(
  ctx: CommandContext,
  input: { id: string; decision: 'accept' | 'reject'; note: string | null; confirmConflict: boolean },
) {
  const { tx, now } = ctx;
  const [d] = await tx.select().from(discrepancies).where(eq(discrepancies.id, input.id));
  if (!d) throw new DomainError('NOT_FOUND', { entity: term('entity.discrepancy') });
  if (d.status !== 'pending') throw new DomainError('DISCREPANCY_DECIDED');
  const household = await getHousehold(tx, d.townshipId, d.householdId);
  const current = await currentValue(tx, d);
  const conflict = d.kind !== 'member_new' && !same(current, d.registryValue);
  if (input.decision === 'accept' && conflict && !input.confirmConflict) {
    throw new DomainError('DISCREPANCY_CONFLICT', {
      current: JSON.stringify(current),
      registry: JSON.stringify(d.registryValue),
      observed: JSON.stringify(d.observedValue),
    });
  }
  const before = input.decision === 'accept' ? await householdAuditDoc(tx, d.townshipId, d.householdId) : null;
  if (input.decision === 'accept') await apply(tx, d, now);
  await tx
    .update(discrepancies)
    .set({
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      decidedBy: ctx.actor.userId,
      decidedAt: now,
      decisionNote: input.note,
    })
    .where(and(eq(discrepancies.townshipId, d.townshipId), eq(discrepancies.id, d.id)));
  await ctx.audit.record({
    townshipId: d.townshipId,
    entityType: 'discrepancy',
    entityId: d.id,
    action: input.decision,
    unitId: household.villageId,
    before: { status: 'pending', registryValue: d.registryValue, currentValue: current },
    after: {
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      observedValue: d.observedValue,
      note: input.note,
      conflict,
    },
  });
  if (input.decision === 'accept') {
    await ctx.audit.record({
      townshipId: d.townshipId,
      entityType: 'household',
      entityId: d.householdId,
      action: 'accept_visit_finding',
      unitId: household.villageId,
      before,
      after: await householdAuditDoc(tx, d.townshipId, d.householdId),
    });
    await refreshFlags(tx, d.townshipId, [d.householdId], now);
  }
  return { id: d.id, status: input.decision === 'accept' ? 'accepted' : 'rejected', conflict };
}
