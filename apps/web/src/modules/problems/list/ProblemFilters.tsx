import { Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterBar, useSearchText } from '../../../ui/FilterBar';
import { activeFilterCount, type ProblemFilters as Filters, NO_FILTERS } from '../filters';
import { useProblemLabels } from '../labels';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
  villages: readonly { id: string; name: string }[];
  mobile: boolean;
}

/** Search and filters of the ledger; on a phone the filters fold away behind a button. */
export function ProblemFilters({ value, onChange, villages, mobile }: Props) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const [text, setText] = useSearchText(value, onChange);

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
  return (
    <FilterBar
      search={search}
      filters={filters}
      count={count}
      onClear={() => onChange({ ...NO_FILTERS, q: value.q })}
      clearLabel={t('problems.clearFilters')}
      toggleLabel={t('problems.filters')}
      mobile={mobile}
      testId="problem-filters"
    />
  );
}
