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

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'home_unit_id',
  'password_hash',
  'must_change_password',
  'created_at',
  'updated_at',
] as const;
const ROLE_COLUMNS = ['id', 'user_id', 'role', 'unit_id', 'sector', 'title', 'created_at'] as const;

/** Inserts accounts with their roles; demo accounts need no password change. */
export async function insertUsers(tx: RawTx, users: readonly SyntheticUser[], passwordHash: string, now: Date): Promise<void> {
  await tx.copyIn(
    'users',
    USER_COLUMNS,
    toCsv(users.map((u) => [u.id, u.username, u.displayName, u.homeUnitId, passwordHash, false, now, now])),
  );
  await tx.copyIn(
    'role_assignments',
    ROLE_COLUMNS,
    toCsv(users.flatMap((u) => u.roles.map((a) => [a.id, u.id, a.role, a.unitId, a.sector, a.title, now]))),
  );
}

/** Inserts a generated township: units, households, members, accounts, pairings. */
export async function insertTownship(tx: RawTx, t: SyntheticTownship, passwordHash: string, now: Date): Promise<void> {
  await tx.copyIn('units', UNIT_COLUMNS, toCsv(t.units));
  await tx.copyIn('households', HOUSEHOLD_COLUMNS, toCsv(t.households));
  await tx.copyIn('members', MEMBER_COLUMNS, toCsv(t.members));
  await insertUsers(tx, t.users, passwordHash, now);
  await tx.copyIn('pairings', PAIRING_COLUMNS, toCsv(t.pairings));
}
