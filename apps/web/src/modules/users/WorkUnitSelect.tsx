import type { Unit } from '@fupin/domain/schemas/org';
import { Select, type SelectProps } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits, useWorkUnits } from '../org/api';

/** The township a unit lies in (itself for a township), or null for the county. */
export function townshipOf(unit: Unit | undefined): string | null {
  if (!unit) return null;
  return unit.kind === 'township' ? unit.id : unit.townshipId;
}

/** The township of the unit with a given id, from the cached unit list. */
export function useTownshipOf(): (unitId: string | null | undefined) => string | null {
  const units = useUnits();
  return useCallback((unitId) => townshipOf(units.data?.find((u) => u.id === unitId)), [units.data]);
}

interface Props extends Omit<SelectProps<string | null>, 'options'> {
  /** the township of the account's home unit: its 派出单位 are the choices */
  townshipId: string | null;
  /** the account's present 派出单位, named while the list loads (or if it is not in it) */
  current?: { id: string; name: string } | null | undefined;
}

/**
 * 派出单位 of an account, from the township of its home unit (the server refuses another's).
 * Cleared, or with none chosen, it reads 无.
 */
export function WorkUnitSelect({ townshipId, current, ...props }: Props) {
  const { t } = useTranslation();
  const workUnits = useWorkUnits(townshipId);
  const options = useMemo(() => {
    const list = (workUnits.data ?? []).map((w) => ({ value: w.id, label: w.name }));
    if (current && !list.some((o) => o.value === current.id)) list.unshift({ value: current.id, label: current.name });
    return list;
  }, [workUnits.data, current]);
  return (
    <Select<string | null>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={townshipId ? t('users.workUnitNone') : t('users.workUnitNoTownship')}
      disabled={townshipId === null}
      loading={workUnits.isFetching}
      options={options}
      {...props}
    />
  );
}
