/**
 * The administrative tree county 县 → township 镇 → village 村 → group 村民小组, and the
 * 12-digit statistical division codes (统计用区划代码): 6 digits of county, 3 of township,
 * 3 of village. Groups have no official code; a township may give them one of its own.
 */
import type { UnitKind } from './roles';

export const UNIT_KINDS = ['county', 'township', 'village', 'group'] as const satisfies readonly UnitKind[];

/** The kind a child of the given kind must have, or null when it can have no children. */
export function childKindOf(kind: UnitKind): UnitKind | null {
  const i = UNIT_KINDS.indexOf(kind);
  return UNIT_KINDS[i + 1] ?? null;
}

/** How many leading digits of a code identify a unit of this kind. */
export function significantDigits(kind: UnitKind): number {
  switch (kind) {
    case 'county':
      return 6;
    case 'township':
      return 9;
    case 'village':
    case 'group':
      return 12;
  }
}

export type DivisionCodeProblem = 'format' | 'padding' | 'parent_prefix';

/**
 * Checks a division code against the unit's kind and its parent's code.
 * A county's code ends in six zeros and a township's in three; a child's code starts with
 * the parent's significant digits. Returns null when the code is acceptable.
 */
export function checkDivisionCode(
  code: string,
  kind: UnitKind,
  parent: { kind: UnitKind; code: string | null } | null,
): DivisionCodeProblem | null {
  if (!/^\d{12}$/.test(code)) return 'format';
  const digits = significantDigits(kind);
  if (kind !== 'group' && !/^0*$/.test(code.slice(digits))) return 'padding';
  if (kind !== 'group' && /^0+$/.test(code.slice(digits - 3, digits))) return 'padding';
  if (parent?.code) {
    const prefix = parent.code.slice(0, significantDigits(parent.kind));
    if (kind !== 'group' && !code.startsWith(prefix)) return 'parent_prefix';
  }
  return null;
}
