import type { Unit } from '@fupin/domain/schemas/org';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from './api';
import { buildUnitTree, type UnitNode } from './tree';

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children: Option[];
}

export interface UnitTreeSelectProps extends Omit<TreeSelectProps<string>, 'treeData'> {
  /** units that may not be chosen (shown greyed, so the tree still makes sense) */
  isDisabled?: (unit: Unit) => boolean;
}

/** Choose a unit from the tree, searchable by name. */
export function UnitTreeSelect({ isDisabled, ...props }: UnitTreeSelectProps) {
  const units = useUnits();
  const { t } = useTranslation();
  const treeData = useMemo(() => {
    const toOption = (n: UnitNode): Option => ({
      value: n.unit.id,
      title: n.unit.name,
      disabled: isDisabled?.(n.unit) ?? false,
      children: n.children.map(toOption),
    });
    return buildUnitTree(units.data ?? []).map(toOption);
  }, [units.data, isDisabled]);
  return (
    <TreeSelect<string>
      // The default expansion is read once: mount again when the units arrive.
      key={units.data ? 'ready' : 'loading'}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={treeData.flatMap((c) => [c.value, ...c.children.map((x) => x.value)])}
      loading={units.isPending}
      placeholder={t('users.unitFilter')}
      popupMatchSelectWidth={false}
      treeData={treeData}
      {...props}
    />
  );
}
