import { DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import type { AuditFilterValues } from './api';
import { ACTIONS, ENTITY_TYPES, useAuditLabels } from './labels';

/** Date range (Beijing days), actor name, object type, action and unit. */
export function AuditFilters({
  value,
  onChange,
  mobile,
}: {
  value: AuditFilterValues;
  onChange: (v: AuditFilterValues) => void;
  mobile: boolean;
}) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const w = (desktop: number) => (mobile ? '100%' : desktop);
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <DatePicker.RangePicker
        value={value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null}
        onChange={(range) =>
          onChange({
            ...value,
            from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
        allowEmpty={[true, true]}
        style={{ width: w(260) }}
        aria-label={t('audit.dateRange')}
      />
      <Input.Search
        allowClear
        defaultValue={value.actor}
        placeholder={t('audit.actorPlaceholder')}
        onSearch={(actor) => onChange({ ...value, actor: actor.trim() || undefined })}
        style={{ width: w(180) }}
      />
      <Select
        allowClear
        value={value.entityType}
        placeholder={t('audit.entityType')}
        options={ENTITY_TYPES.map((e) => ({ value: e, label: labels.entityType(e) }))}
        onChange={(entityType: string | undefined) => onChange({ ...value, entityType })}
        style={{ width: w(140) }}
      />
      <Select
        allowClear
        value={value.action}
        placeholder={t('audit.action')}
        options={ACTIONS.map((a) => ({ value: a, label: labels.action(a) }))}
        onChange={(action: string | undefined) => onChange({ ...value, action })}
        style={{ width: w(150) }}
      />
      <UnitTreeSelect
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId: unitId ?? undefined })}
        placeholder={t('audit.unit')}
        aria-label={t('audit.unit')}
        style={{ width: w(200) }}
      />
    </Flex>
  );
}
