/**
 * Cross-field checks of a household that a schema cannot express: the ID number agrees with
 * the member's sex and birth date, one current head, an exit year exactly when exited, a note
 * for a cadre's judgement. Used by the form (as the cadre types), the API and the Excel import.
 */
import type { FieldError } from '../errors';
import { parseIdNumber } from '../idcard';

export interface MemberFacts {
  name: string;
  idNumber: string | null;
  sex: string;
  birthDate: string | null;
  relation: string;
  status: string;
}

/** The ID number of one member: valid, and agreeing with the sex and birth date given. */
export function checkMemberIdentity(m: MemberFacts, today: string, path = ''): FieldError[] {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!m.idNumber) return [];
  const parsed = parseIdNumber(m.idNumber, today);
  if (!parsed.ok) return [{ path: at('idNumber'), key: `idcard.${parsed.problem}` }];
  const errors: FieldError[] = [];
  if (parsed.facts.sex !== m.sex) errors.push({ path: at('sex'), key: 'idcard.sex_mismatch' });
  if (m.birthDate && parsed.facts.birthDate !== m.birthDate) {
    errors.push({ path: at('birthDate'), key: 'idcard.birth_mismatch', params: { birthDate: parsed.facts.birthDate } });
  }
  return errors;
}

export interface HouseholdFacts {
  povertyStatus: string;
  exitYear: number | null;
  members: MemberFacts[];
}

/** The household as a whole: heads, exit year, duplicate ID numbers within it. */
export function checkHouseholdFacts(h: HouseholdFacts, today: string): FieldError[] {
  const errors: FieldError[] = [];
  h.members.forEach((m, i) => {
    errors.push(...checkMemberIdentity(m, today, `members.${i}`));
  });
  const current = h.members.filter((m) => m.status === 'current');
  const heads = current.filter((m) => m.relation === 'head');
  if (current.length > 0 && heads.length === 0) errors.push({ path: 'members', key: 'household.no_head' });
  let headSeen = false;
  h.members.forEach((m, i) => {
    if (m.status !== 'current' || m.relation !== 'head') return;
    if (headSeen) errors.push({ path: `members.${i}.relation`, key: 'household.two_heads' });
    headSeen = true;
  });
  if (h.povertyStatus === 'exited' && h.exitYear === null) errors.push({ path: 'exitYear', key: 'household.exit_year_required' });
  if (h.povertyStatus !== 'exited' && h.exitYear !== null)
    errors.push({ path: 'exitYear', key: 'household.exit_year_only_exited' });
  const seen = new Map<string, number>();
  h.members.forEach((m, i) => {
    if (!m.idNumber) return;
    const first = seen.get(m.idNumber.toUpperCase());
    if (first !== undefined)
      errors.push({ path: `members.${i}.idNumber`, key: 'household.id_twice', params: { row: first + 1 } });
    else seen.set(m.idNumber.toUpperCase(), i);
  });
  return errors;
}

/** The name of the current head, or of the first member when none is current. */
export function headNameOf(members: readonly MemberFacts[]): string {
  const head =
    members.find((m) => m.status === 'current' && m.relation === 'head') ??
    members.find((m) => m.status === 'current') ??
    members[0];
  return head?.name ?? '';
}
