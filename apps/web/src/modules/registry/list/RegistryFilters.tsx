import { POVERTY_STATUS, type PovertyStatus } from '@fupin/domain';
import { Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterBar, useSearchText } from '../../../ui/FilterBar';
import type { FlagRule } from '../../rules/flags';
import type { Cadre, TagOption } from '../api';
import { activeFilterCount, type RegistryFilters as Filters, NO_FILTERS } from '../filters';
import { useRegistryLabels } from '../labels';
import { PlaceSelect } from './PlaceSelect';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
  tags: readonly TagOption[];
  /** null: the reader may not filter by cadre (or the list could not be read) */
  cadres: readonly Cadre[] | null;
  /** the active rule set's rules, to filter by a flag (empty: no filter offered) */
  flagRules: readonly FlagRule[];
  mobile: boolean;
}

/**
 * One search box (name, pinyin initials, household or ID number: the server decides which) and
 * the filters; on a phone the filters fold away behind a button that counts the ones set.
 */
export function RegistryFilters({ value, onChange, tags, cadres, flagRules, mobile }: Props) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const [text, setText] = useSearchText(value, onChange);

  const count = activeFilterCount(value);
  const width = (desk: number) => (mobile ? '100%' : desk);
  const filters = (
    <>
      <PlaceSelect
        value={value.place?.id}
        onChange={(place) => onChange({ ...value, place })}
        placeholder={t('registry.place')}
        style={{ width: width(200) }}
      />
      <Select<PovertyStatus>
        allowClear
        value={value.status ?? undefined}
        placeholder={t('registry.status')}
        aria-label={t('registry.status')}
        onChange={(status) => onChange({ ...value, status: status ?? null })}
        options={labels.options(POVERTY_STATUS)}
        style={{ width: width(160) }}
        data-testid="status-filter"
      />
      <Select<string>
        allowClear
        value={value.tag ?? undefined}
        placeholder={t('registry.tag')}
        aria-label={t('registry.tag')}
        onChange={(tag) => onChange({ ...value, tag: tag ?? null })}
        options={tags.map((tag) => ({ value: tag.code, label: labels.tag(tag.code, tags) }))}
        style={{ width: width(130) }}
      />
      {flagRules.length > 0 || value.flag ? (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={value.flag ?? undefined}
          placeholder={t('rules.flags.filter')}
          aria-label={t('rules.flags.filter')}
          onChange={(flag) => onChange({ ...value, flag: flag ?? null })}
          options={flagRules.map((r) => ({ value: r.id, label: `${r.id} ${labels.lang === 'en' ? r.name.en : r.name.zh}` }))}
          popupMatchSelectWidth={false}
          style={{ width: width(210) }}
          data-testid="flag-filter"
        />
      ) : null}
      {cadres ? (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={value.cadreId ?? undefined}
          placeholder={t('registry.cadre')}
          aria-label={t('registry.cadre')}
          onChange={(cadreId) => onChange({ ...value, cadreId: cadreId ?? null })}
          options={cadres.map((c) => ({ value: c.id, label: c.displayName }))}
          style={{ width: width(150) }}
        />
      ) : null}
      <Checkbox
        checked={value.empty}
        onChange={(e) => onChange({ ...value, empty: e.target.checked })}
        title={t('registry.emptyOnlyHelp')}
        style={{ alignSelf: mobile ? 'flex-start' : 'center', minHeight: mobile ? 40 : undefined, alignItems: 'center' }}
      >
        {t('registry.emptyOnly')}
      </Checkbox>
    </>
  );

  const search = (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onChange({ ...value, q: q.trim() })}
      placeholder={mobile ? t('registry.searchPlaceholderShort') : t('registry.searchPlaceholder')}
      aria-label={t('common.search')}
      style={{ width: mobile ? undefined : 340, flex: mobile ? '1 1 auto' : undefined, minWidth: 0 }}
      data-testid="registry-search"
    />
  );

  return (
    <FilterBar
      search={search}
      filters={filters}
      count={count}
      onClear={() => onChange({ ...NO_FILTERS, q: value.q })}
      clearLabel={t('registry.clearFilters')}
      toggleLabel={t('registry.filters')}
      mobile={mobile}
      testId="registry-filters"
    />
  );
}
