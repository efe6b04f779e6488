import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HouseholdSelect } from '../../problems/common/SearchSelects';
import { useProblemLabels } from '../../problems/labels';

export interface Finding {
  key: string;
  category: string | null;
  description: string;
  householdId: string | null;
}

/** 新发现的问题: each with its category, description and (when it concerns one) the household. */
export function FindingsEditor({
  value,
  onChange,
  villageId,
}: {
  value: Finding[];
  onChange: (v: Finding[]) => void;
  villageId: string;
}) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const set = (key: string, patch: Partial<Finding>) => onChange(value.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  return (
    <Flex vertical gap={8} data-testid="findings">
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.crosscheck.noFindings')} />
      ) : null}
      {value.map((f) => (
        <Card key={f.key} size="small" styles={{ body: { padding: 12 } }} data-testid="finding">
          <Flex vertical gap={6}>
            <Flex gap={6} wrap>
              <Select<string>
                showSearch={{ optionFilterProp: 'label' }}
                value={f.category ?? undefined}
                placeholder={t('inspections.crosscheck.categoryPlaceholder')}
                aria-label={t('inspections.crosscheck.categoryPlaceholder')}
                options={labels.categoryOptions}
                onChange={(category) => set(f.key, { category })}
                style={{ flex: '1 1 120px', minWidth: 0 }}
                data-testid="finding-category"
              />
              <HouseholdSelect
                villageId={villageId}
                value={f.householdId}
                onChange={(householdId) => set(f.key, { householdId })}
                placeholder={t('inspections.householdPlaceholder')}
                style={{ flex: '2 1 180px', minWidth: 0 }}
              />
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('inspections.removePlace')}
                onClick={() => onChange(value.filter((x) => x.key !== f.key))}
              />
            </Flex>
            <Input.TextArea
              value={f.description}
              onChange={(e) => set(f.key, { description: e.target.value })}
              placeholder={t('inspections.crosscheck.descriptionPlaceholder')}
              aria-label={t('inspections.crosscheck.descriptionPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={500}
              data-testid="finding-description"
            />
          </Flex>
        </Card>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, { key: crypto.randomUUID(), category: null, description: '', householdId: null }])}
        style={{ alignSelf: 'flex-start' }}
        data-testid="finding-add"
      >
        {t('inspections.crosscheck.addFinding')}
      </Button>
    </Flex>
  );
}
