/** The division-code checks shared by creating and editing a unit. */
import { checkDivisionCode, DomainError, term, type UnitKind } from '@fupin/domain';
import type { Tx } from '../../../db/client';
import { findUnitByCode, type UnitRow } from '../repository';

/** Refuses a code that is malformed, does not fit the parent, or belongs to another unit. */
export async function checkUnitCode(
  tx: Tx,
  code: string | null,
  kind: UnitKind,
  parent: UnitRow | null,
  selfId: string,
): Promise<void> {
  if (code === null) return;
  const problem = checkDivisionCode(code, kind, parent ? { kind: parent.kind, code: parent.code } : null);
  if (problem) {
    throw new DomainError('UNIT_CODE_INVALID', { reason: term(`division.${problem}`) }, [
      { path: 'code', key: `division.${problem}` },
    ]);
  }
  const holder = await findUnitByCode(tx, code);
  if (holder && holder.id !== selfId) {
    throw new DomainError('UNIT_CODE_TAKEN', { code, name: holder.name }, [
      { path: 'code', key: 'UNIT_CODE_TAKEN', params: { code, name: holder.name } },
    ]);
  }
}
