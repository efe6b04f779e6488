import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeFilterCount, type ProblemFilters as Filters, NO_FILTERS } from '../filters';
import { useProblemLabels } from '../labels';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
  villages: readonly { id: string; name: string }[];
  mobile: boolean;
}

const SEARCH_DELAY_MS = 400;

/** Search and filters of the ledger; on a phone the filters fold away behind a button. */
export function ProblemFilters({ value, onChange, villages, mobile }: Props) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const [text, setText] = useState(value.q);
  const [open, setOpen] = useState(false);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };

  useEffect(() => setText((current) => (current.trim() === value.q ? current : value.q)), [value.q]);
  useEffect(() => {
    const q = text.trim();
    if (q === latest.current.value.q) return;
    const timer = setTimeout(() => latest.current.onChange({ ...latest.current.value, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const width = (desk: number) => (mobile ? '100%' : desk);
  const select = (
    key: 'villageId' | 'category' | 'source' | 'status' | 'level',
    placeholder: string,
    options: { value: string; label: string }[],
    desk: number,
  ) => (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value[key] ?? undefined}
      placeholder={placeholder}
      aria-label={placeholder}
      onChange={(v) => onChange({ ...value, [key]: v ?? null })}
      options={options}
      style={{ width: width(desk) }}
      data-testid={`filter-${key}`}
    />
  );
  const count = activeFilterCount(value);
  const filters = (
    <>
      {villages.length > 1
        ? select(
            'villageId',
            t('problems.village'),
            villages.map((v) => ({ value: v.id, label: v.name })),
            130,
          )
        : null}
      {select('category', t('problems.category'), labels.categoryOptions, 130)}
      {select('source', t('problems.source'), labels.sourceOptions, 140)}
      {select('status', t('problems.status'), labels.statusOptions, 120)}
      {select(
        'level',
        t('problems.level'),
        [
          { value: 'village', label: t('problems.levelVillage') },
          { value: 'township', label: t('problems.levelTownship') },
        ],
        100,
      )}
      <Checkbox
        checked={value.overdue}
        onChange={(e) => onChange({ ...value, overdue: e.target.checked })}
        style={{ alignSelf: mobile ? 'flex-start' : 'center', minHeight: mobile ? 40 : undefined, alignItems: 'center' }}
        data-testid="filter-overdue"
      >
        {t('problems.overdueOnly')}
      </Checkbox>
      {count > 0 ? (
        <Button
          type="link"
          onClick={() => onChange({ ...NO_FILTERS, q: value.q })}
          style={{ paddingInline: 4, alignSelf: mobile ? 'flex-start' : undefined }}
        >
          {t('problems.clearFilters')}
        </Button>
      ) : null}
    </>
  );
  const search = (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onChange({ ...value, q: q.trim() })}
      placeholder={t('problems.searchPlaceholder')}
      aria-label={t('common.search')}
      maxLength={50}
      style={{ width: mobile ? undefined : 240, flex: mobile ? '1 1 auto' : undefined, minWidth: 0 }}
      data-testid="problems-search"
    />
  );
  if (!mobile)
    return (
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="problem-filters">
        {search}
        {filters}
      </Flex>
    );
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="problem-filters">
      <Flex gap={8}>
        {search}
        <Badge count={count} size="small" offset={[-4, 4]}>
          <Button
            icon={<FilterOutlined />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={t('problems.filters')}
            data-testid="filters-toggle"
          />
        </Badge>
      </Flex>
      {open ? (
        <Flex vertical gap={8} data-testid="filters-panel">
          {filters}
        </Flex>
      ) : null}
    </Flex>
  );
}
