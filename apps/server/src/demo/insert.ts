/** Writes synthetic data with COPY: a county of 50,000 households loads in seconds. */
import type { RawTx } from '../db/raw';
import { toCsv } from '../db/raw';
import {
  HOUSEHOLD_COLUMNS,
  MEMBER_COLUMNS,
  PAIRING_COLUMNS,
  type SyntheticTownship,
  type SyntheticUser,
  UNIT_COLUMNS,
} from './generate';
import { WORK_UNIT_COLUMNS } from './sending-units';

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'home_unit_id',
  'password_hash',
  'must_change_password',
  'created_at',
  'updated_at',
];
const ROLE_COLUMNS = ['id', 'user_id', 'role', 'unit_id', 'sector', 'title', 'created_at'] as const;

/** Inserts accounts with their roles; demo accounts need no password change. */
export async function insertUsers(tx: RawTx, users: readonly SyntheticUser[], passwordHash: string, now: Date): Promise<void> {
  // Accounts without a 派出单位 leave the column out: the partition migration test seeds a schema older than it.
  const sent = users.some((u) => u.workUnitId);
  await tx.copyIn(
    'users',
    sent ? [...USER_COLUMNS, 'work_unit_id'] : USER_COLUMNS,
    toCsv(
      users.map((u) => [
        u.id,
        u.username,
        u.displayName,
        u.homeUnitId,
        passwordHash,
        false,
        now,
        now,
        ...(sent ? [u.workUnitId ?? null] : []),
      ]),
    ),
  );
  await tx.copyIn(
    'role_assignments',
    ROLE_COLUMNS,
    toCsv(users.flatMap((u) => u.roles.map((a) => [a.id, u.id, a.role, a.unitId, a.sector, a.title, now]))),
  );
}

/** Inserts a generated township: units, households, members, sending units, accounts, pairings. */
export async function insertTownship(tx: RawTx, t: SyntheticTownship, passwordHash: string, now: Date): Promise<void> {
  await tx.copyIn('units', UNIT_COLUMNS, toCsv(t.units));
  await tx.copyIn('households', HOUSEHOLD_COLUMNS, toCsv(t.households));
  await tx.copyIn('members', MEMBER_COLUMNS, toCsv(t.members));
  if (t.workUnits.length) await tx.copyIn('work_units', WORK_UNIT_COLUMNS, toCsv(t.workUnits));
  await insertUsers(tx, t.users, passwordHash, now);
  await tx.copyIn('pairings', PAIRING_COLUMNS, toCsv(t.pairings));
}
