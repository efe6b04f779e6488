import {
  ASSISTANCE_MEASURES,
  EMPLOYMENTS,
  HEALTH_STATUSES,
  HOUSING_GRADES,
  HOUSING_STRUCTURES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  MEMBER_STATUSES,
  POVERTY_STATUS,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
} from '@fupin/domain';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../org/api';
import type { TagOption } from '../api';
import type { HistoryChange } from '../history-diff';
import { useRegistryLabels, type Vocabulary } from '../labels';

const VOCABULARIES: Record<string, Vocabulary> = {
  povertyStatus: POVERTY_STATUS,
  housingStructure: HOUSING_STRUCTURES,
  housingGrade: HOUSING_GRADES,
  assistanceMeasures: ASSISTANCE_MEASURES,
  relation: RELATIONS,
  sex: SEXES,
  maritalStatus: MARITAL_STATUSES,
  labourCapacity: LABOUR_CAPACITIES,
  health: HEALTH_STATUSES,
  schoolingStage: SCHOOLING_STAGES,
  employment: EMPLOYMENTS,
  status: MEMBER_STATUSES,
};
const MONEY = new Set(['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome']);

/** A recorded value as a person reads it: labels for codes, names for units, 是/否, yuan. */
function useFormat(tags: readonly TagOption[]) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const units = useUnits();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const format = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      return t('common.none');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (field === 'tags' && Array.isArray(value)) return value.map((c) => labels.tag(String(c), tags)).join('、');
    const vocabulary = VOCABULARIES[field];
    if (vocabulary) {
      const list = Array.isArray(value) ? value : [value];
      return list.map((c) => labels.code(vocabulary, String(c))).join('、');
    }
    if (Array.isArray(value)) return value.map(String).join('、');
    if (MONEY.has(field) && typeof value === 'number') return labels.yuan(value);
    if ((field === 'villageId' || field === 'groupId') && typeof value === 'string') return unitNames.get(value) ?? value;
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  /** a whole member, added or removed: name, relation, ID number */
  const member = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return t('common.none');
    const m = value as Record<string, unknown>;
    return [m.name, format('relation', m.relation), m.idNumber].filter((x) => x && x !== t('common.none')).join(' · ');
  };
  return { format, member };
}

/** The fields one entry changed: household fields first, then member by member. */
export function HistoryDiff({ changes, tags }: { changes: HistoryChange[]; tags: readonly TagOption[] }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const { format, member } = useFormat(tags);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('registry.history.noChange')}</Typography.Text>;
  const fieldName = (c: HistoryChange) => {
    if (c.memberChange === 'added') return <Tag color="green">{t('registry.history.memberAdded')}</Tag>;
    if (c.memberChange === 'removed') return <Tag color="red">{t('registry.history.memberRemoved')}</Tag>;
    if (c.member !== null) return `${c.member} · ${labels.field(`members.${c.field}`)}`;
    return c.field === 'headName' ? t('registry.head') : labels.field(c.field);
  };
  const value = (c: HistoryChange, v: unknown) => (c.memberChange ? member(v) : format(c.field, v));
  const wrap = { wordBreak: 'break-word' } as const;
  const fieldColumn: TableColumnsType<HistoryChange>[number] = {
    title: t('audit.field'),
    key: 'field',
    render: (_, c) => fieldName(c),
  };
  const [beforeColumn, afterColumn]: TableColumnsType<HistoryChange> = [
    {
      title: t('audit.before'),
      key: 'before',
      onCell: () => ({ style: wrap }),
      render: (_, c) =>
        c.before === null || c.before === undefined ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Typography.Text delete={!c.memberChange} type="danger">
            {value(c, c.before)}
          </Typography.Text>
        ),
    },
    {
      title: t('audit.after'),
      key: 'after',
      onCell: () => ({ style: wrap }),
      render: (_, c) => (
        <Typography.Text strong type="success">
          {c.after === null || c.after === undefined ? t('common.none') : value(c, c.after)}
        </Typography.Text>
      ),
    },
  ];
  // A create has no "before", a delete no "after": an empty column says nothing.
  const present = (v: unknown) => v !== null && v !== undefined;
  const columns = [
    fieldColumn,
    ...(changes.some((c) => present(c.before)) && beforeColumn ? [beforeColumn] : []),
    ...(changes.some((c) => present(c.after)) && afterColumn ? [afterColumn] : []),
  ];
  return (
    <div data-testid="history-diff">
      <Table<HistoryChange> rowKey="key" size="small" bordered columns={columns} dataSource={changes} pagination={false} />
    </div>
  );
}
