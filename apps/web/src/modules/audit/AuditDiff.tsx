import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDomainLabels } from '../../i18n';
import { formatDateTimeSeconds } from '../../ui/format';
import { useUnits } from '../org/api';
import type { AuditEntry } from './api';
import { type DiffRow, diffRows } from './diff';
import { useAuditLabels } from './labels';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Formats one value of a record so a person can read it: names for ids, labels for codes. */
function useFormatValue() {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const units = useUnits();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'string') {
      if (field === 'role') return labels.role(value);
      if (field === 'sector') return labels.sector(value);
      if (field === 'kind' || field === 'unitKind') return labels.kind(value);
      if (ISO_INSTANT.test(value)) return formatDateTimeSeconds(value);
      if (UUID.test(value) && unitNames.has(value)) return unitNames.get(value) ?? value;
      return value;
    }
    if (typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };
}

/** Before and after of one audit entry, field by field, changed fields highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const format = useFormatValue();
  const rows = diffRows(entry.before, entry.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  const changedStyle = { background: '#fff7e6' };
  // Long values (a browser's user agent) wrap rather than push the page sideways.
  const wrap = { wordBreak: 'break-word' } as const;
  const fieldColumn: TableColumnsType<DiffRow>[number] = {
    title: t('audit.field'),
    dataIndex: 'field',
    render: (f: string, r) => (
      <span>
        {f ? labels.field(f) : t('common.none')}
        {r.changed ? (
          <Tag color="orange" style={{ marginInlineStart: 6 }}>
            {t('audit.changed')}
          </Tag>
        ) : null}
      </span>
    ),
  };
  const beforeColumn: TableColumnsType<DiffRow>[number] = {
    title: t('audit.before'),
    dataIndex: 'before',
    onCell: () => ({ style: wrap }),
    render: (v: unknown, r) =>
      r.changed ? (
        <Typography.Text delete type="danger">
          {format(r.field, v)}
        </Typography.Text>
      ) : (
        format(r.field, v)
      ),
  };
  const afterColumn: TableColumnsType<DiffRow>[number] = {
    title: t('audit.after'),
    dataIndex: 'after',
    onCell: () => ({ style: wrap }),
    render: (v: unknown, r) =>
      r.changed ? (
        <Typography.Text strong type="success">
          {format(r.field, v)}
        </Typography.Text>
      ) : (
        format(r.field, v)
      ),
  };
  // A login or a create has no "before", a delete no "after": an empty column says nothing.
  const columns = [fieldColumn, ...(entry.before !== null ? [beforeColumn] : []), ...(entry.after !== null ? [afterColumn] : [])];
  return (
    <div data-testid="audit-diff">
      <Table<DiffRow>
        rowKey={(r) => r.field || '_'}
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ style: r.changed ? changedStyle : {} })}
      />
    </div>
  );
}
