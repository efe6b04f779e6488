/**
 * The township a registry page works in (tags and cadres are per township), and its tags with a
 * fallback: village staff may not read the township's tag list, so they get the built-in ones.
 */
import type { Unit } from '@fupin/domain/schemas/org';
import { useMemo } from 'react';
import { useUnits } from '../org/api';
import { type TagOption, useTags } from './api';
import { builtInTags } from './vocab';

/** The township of a unit (itself when it is one), or the only township the reader sees. */
export function townshipOf(units: readonly Unit[], unitId: string | null | undefined): string | null {
  const unit = unitId ? units.find((u) => u.id === unitId) : undefined;
  if (unit) return unit.kind === 'township' ? unit.id : unit.townshipId;
  const townships = units.filter((u) => u.kind === 'township');
  return townships.length === 1 ? (townships[0]?.id ?? null) : null;
}

export function useTownship(unitId: string | null | undefined): string | null {
  const units = useUnits();
  return useMemo(() => townshipOf(units.data ?? [], unitId), [units.data, unitId]);
}

/** The tags of the township, or the built-in tags when its list cannot be read. */
export function useTagOptions(townshipId: string | null): TagOption[] {
  const tags = useTags(townshipId);
  return useMemo(() => tags.data ?? builtInTags(), [tags.data]);
}
