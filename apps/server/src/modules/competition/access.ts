/**
 * Who reaches what of the competition. A round belongs to its township: the office and the
 * township's readers see all of it; a village sees its own sample, nomination and objections;
 * a judge sees the villages they are assigned to in that round. The published ranking is the
 * township's bulletin, read by everyone who reaches the round.
 */
import { DomainError, type Grant, reachOf, reachOn, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { competitionAssignments, competitionScores, units } from '../../db/schema/index';
import { loadUnitChains, principalOf, type UnitSource } from '../../plugins/access';
import { findVillage, type RoundRow, townshipOfRound } from './repository';

const roundId = (req: FastifyRequest) => (req.params as { id: string }).id;

async function villageIdsOf(db: Db, townshipId: string): Promise<string[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village')));
  return rows.map((r) => r.id);
}

/** The round's township: for the office's actions on it. */
export const roundTownship: UnitSource = {
  resolve: async (req, db) => {
    const t = await townshipOfRound(db, roundId(req));
    return t ? [t] : null;
  },
  entity: 'competition_round',
};

/** The round's township or any of its villages: for reading it (a village reaches it through itself). */
export const roundAnyUnit: UnitSource = {
  resolve: async (req, db) => {
    const t = await townshipOfRound(db, roundId(req));
    return t ? [t, ...(await villageIdsOf(db, t))] : null;
  },
  entity: 'competition_round',
};

/** The village of a sheet of the round (`:id`, `:scoreId`): its judge, the village and the office reach it there. */
export const sheetVillage: UnitSource = {
  resolve: async (req, db) => {
    const { id, scoreId } = req.params as { id: string; scoreId: string };
    const t = await townshipOfRound(db, id);
    if (!t) return null;
    const [row] = await db
      .select({ villageId: competitionScores.villageId })
      .from(competitionScores)
      .where(and(eq(competitionScores.townshipId, t), eq(competitionScores.id, scoreId), eq(competitionScores.roundId, id)));
    return row ? [row.villageId] : null;
  },
  entity: 'competition_round',
};

/** A township named in the query, or any of its villages (the year's table, read by a village for itself). */
export const townshipQueryAnyUnit: UnitSource = {
  resolve: async (req, db) => {
    const t = (req.query as { townshipId: string }).townshipId;
    const [row] = await db.select({ kind: units.kind }).from(units).where(eq(units.id, t));
    if (row?.kind !== 'township') return null;
    return [t, ...(await villageIdsOf(db, t))];
  },
  entity: 'unit',
};

/** Refuses a unit that is not a township (settings and years are the township's). */
export async function assertTownship(db: Db, id: string): Promise<void> {
  const [row] = await db.select({ kind: units.kind }).from(units).where(eq(units.id, id));
  if (row?.kind !== 'township')
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'townshipId', key: 'issue.invalid_option' }]);
}

/** The village named beside a round, which must be one of the round's township. */
export async function villageOfRound(db: Db, round: RoundRow, villageId: string) {
  const village = await findVillage(db, villageId);
  if (!village || village.townshipId !== round.townshipId) throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
  return village;
}

export interface Viewer {
  userId: string;
  /** the office or a township-wide reader: every village */
  full: boolean;
  manage: boolean;
  /** villages the reader reads through a village role */
  villages: Set<string>;
  /** whether the reader is a judge of the township (sees the villages assigned to them) */
  judge: boolean;
  /** villages the reader may nominate groups for and raise objections in */
  nominate: Set<string>;
}

/** What the reader sees of a township's competition. */
export async function viewerOf(req: FastifyRequest, db: Db, townshipId: string): Promise<Viewer> {
  const me = principalOf(req);
  const chain = (await loadUnitChains(db, [townshipId])).get(townshipId);
  if (!chain) throw new DomainError('NOT_FOUND', { entity: term('entity.unit') });
  const notJudge = me.grants.filter((g) => g.role !== 'judge');
  const manage = reachOn(me.grants, 'competition.manage', chain) === 'subtree';
  const full = manage || reachOn(notJudge, 'competition.read', chain) === 'subtree';
  const inTownship = (g: Grant) => g.unitKind === 'village' && g.townshipId === townshipId;
  return {
    userId: me.userId,
    full,
    manage,
    villages: new Set(
      me.grants.filter((g) => inTownship(g) && reachOf(g.role, 'competition.read') === 'subtree').map((g) => g.unitId),
    ),
    judge: me.grants.some((g) => g.role === 'judge' && g.unitId === townshipId),
    nominate: new Set(
      me.grants.filter((g) => inTownship(g) && reachOf(g.role, 'competition.nominate') === 'subtree').map((g) => g.unitId),
    ),
  };
}

/** Whether the viewer sees a village's sample, nomination and sheets in a round with these assignments. */
export function seesVillage(viewer: Viewer, villageId: string, assignments: readonly { judgeId: string; villageId: string }[]) {
  if (viewer.full || viewer.villages.has(villageId)) return true;
  return viewer.judge && assignments.some((a) => a.judgeId === viewer.userId && a.villageId === villageId);
}

/** Whether the viewer sees a village of a round: the office, the village itself, or a judge assigned to it there. */
export async function seesVillageOfRound(db: Db, viewer: Viewer, roundId: string, townshipId: string, villageId: string) {
  if (viewer.full || viewer.villages.has(villageId)) return true;
  if (!viewer.judge) return false;
  const [row] = await db
    .select({ judgeId: competitionAssignments.judgeId })
    .from(competitionAssignments)
    .where(
      and(
        eq(competitionAssignments.townshipId, townshipId),
        eq(competitionAssignments.roundId, roundId),
        eq(competitionAssignments.villageId, villageId),
        eq(competitionAssignments.judgeId, viewer.userId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
