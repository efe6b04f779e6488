import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface FilterTag<K extends string> {
  key: K;
  /** what the filter is, in words: 村：东溪村, 状态：逾期未访 */
  label: string;
}

/**
 * The filters a list came with, as tags that say what they are and close to remove one;
 * "清除全部筛选" shows the whole list. Shared by the dashboard's and the accountability lists.
 */
export function DrillTags<K extends string>({
  tags,
  onRemove,
  onClear,
}: {
  tags: FilterTag<K>[];
  onRemove: (key: K) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap align="center" style={{ marginBottom: 12 }} data-testid="drill-filters">
      <Typography.Text type="secondary">
        <FilterOutlined /> {t('dashboard.list.filters')}
      </Typography.Text>
      {tags.length === 0 ? <Typography.Text type="secondary">{t('dashboard.list.noFilters')}</Typography.Text> : null}
      {tags.map(({ key, label }) => (
        <Tag
          key={key}
          color="blue"
          closeIcon
          onClose={(e) => {
            e.preventDefault();
            onRemove(key);
          }}
          style={{ marginInlineEnd: 0, fontSize: 13, padding: '2px 8px', whiteSpace: 'normal' }}
          data-testid={`drill-filter-${key}`}
        >
          {label}
        </Tag>
      ))}
      {tags.length > 1 ? (
        <Button type="link" size="small" onClick={onClear} data-testid="drill-clear">
          {t('dashboard.list.clearAll')}
        </Button>
      ) : null}
    </Flex>
  );
}
