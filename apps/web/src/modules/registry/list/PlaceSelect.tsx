import type { Unit } from '@fupin/domain/schemas/org';
import type { CSSProperties } from 'react';
import { useCallback } from 'react';
import { useUnits } from '../../org/api';
import { UnitTreeSelect } from '../../org/UnitTreeSelect';
import type { PlaceKind } from '../filters';

const PLACE_KINDS = new Set<string>(['township', 'village', 'group']);

/** A township, village or group from the unit tree (a county is only there to hold the tree). */
export function PlaceSelect({
  value,
  onChange,
  placeholder,
  style,
  onlyKinds,
}: {
  value: string | undefined;
  onChange: (place: { kind: PlaceKind; id: string } | null) => void;
  placeholder: string;
  style?: CSSProperties;
  /** the kinds that may be chosen (all three by default) */
  onlyKinds?: readonly PlaceKind[];
}) {
  const units = useUnits();
  const isDisabled = useCallback(
    (u: Unit) => !PLACE_KINDS.has(u.kind) || (onlyKinds !== undefined && !onlyKinds.includes(u.kind as PlaceKind)),
    [onlyKinds],
  );
  return (
    <UnitTreeSelect
      value={value}
      isDisabled={isDisabled}
      onChange={(id) => {
        const unit = id ? units.data?.find((u) => u.id === id) : undefined;
        onChange(unit && PLACE_KINDS.has(unit.kind) ? { kind: unit.kind as PlaceKind, id: unit.id } : null);
      }}
      placeholder={placeholder}
      aria-label={placeholder}
      style={style}
      data-testid="place-select"
    />
  );
}
