import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPETITION_PARTS, type CompetitionPart } from '@fupin/domain';
import { Alert, Button, Card, Flex, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { useCompetitionLabels } from '../labels';
import { draftTotals, emptyItem, type ItemDraft, type PartDraft, type RubricDraft, rubricProblems } from './rubric-draft';

const FIELDS = ['code', 'name', 'nameEn', 'criteria', 'points', 'office'] as const;

function ItemRow({
  part,
  item,
  onChange,
  onRemove,
}: {
  part: CompetitionPart;
  item: ItemDraft;
  onChange: (patch: Partial<ItemDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  return (
    <Flex
      vertical
      gap={6}
      style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}
      data-testid="rubric-item"
      data-code={item.code}
    >
      <Flex gap={6} wrap>
        <Input
          value={item.code}
          onChange={(e) => onChange({ code: e.target.value })}
          placeholder={t('competition.settings.code')}
          aria-label={t('competition.settings.code')}
          style={{ flex: '1 1 110px', minWidth: 0 }}
        />
        <Input
          value={item.name}
          onChange={(e) => onChange({ name: e.target.value })}
          placeholder={t('competition.settings.name')}
          aria-label={t('competition.settings.name')}
          style={{ flex: '2 1 150px', minWidth: 0 }}
        />
        <Input
          value={item.nameEn}
          onChange={(e) => onChange({ nameEn: e.target.value })}
          placeholder={t('competition.settings.nameEn')}
          aria-label={t('competition.settings.nameEn')}
          style={{ flex: '2 1 150px', minWidth: 0 }}
        />
        <InputNumber<number>
          value={item.points}
          onChange={(v) => onChange({ points: typeof v === 'number' ? v : null })}
          placeholder={t('competition.settings.points')}
          aria-label={t('competition.settings.points')}
          style={{ flex: '0 1 90px', minWidth: 70 }}
          data-testid="item-points"
        />
        <Select<string>
          value={item.office ?? ''}
          onChange={(v) => onChange({ office: v || null })}
          options={[
            ...(part === 'village' ? [] : [{ value: '', label: t('competition.settings.partOffice') }]),
            ...labels.officeOptions,
          ]}
          placeholder={t('competition.settings.office')}
          aria-label={t('competition.settings.office')}
          status={part === 'village' && !item.office ? 'error' : undefined}
          style={{ flex: '1 1 150px', minWidth: 0 }}
          data-testid="item-office"
        />
        <Button type="text" icon={<DeleteOutlined />} aria-label={t('competition.settings.removeItem')} onClick={onRemove} />
      </Flex>
      <Input.TextArea
        value={item.criteria}
        onChange={(e) => onChange({ criteria: e.target.value })}
        placeholder={t('competition.settings.criteria')}
        aria-label={t('competition.settings.criteria')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={500}
      />
    </Flex>
  );
}

function PartEditor({
  part,
  value,
  problems,
  onChange,
}: {
  part: CompetitionPart;
  value: PartDraft;
  problems: string[];
  onChange: (p: PartDraft) => void;
}) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const sums = draftTotals({ households: value, groups: value, village: value }).parts[part];
  const balanced = value.max !== null && sums.items === sums.max;
  const setItem = (key: string, patch: Partial<ItemDraft>) =>
    onChange({ ...value, items: value.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) });
  return (
    <Card
      size="small"
      title={`${labels.part(part)}（${labels.form(part)}）`}
      extra={
        <Tag color={balanced ? 'green' : 'red'} data-testid={`items-total-${part}`}>
          {t('competition.settings.itemsTotal', { items: sums.items, max: value.max ?? 0 })}
        </Tag>
      }
      data-testid={`rubric-${part}`}
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Flex gap={6} align="center">
          <Typography.Text>{t('competition.settings.max')}</Typography.Text>
          <InputNumber<number>
            value={value.max}
            onChange={(v) => onChange({ ...value, max: typeof v === 'number' ? v : null })}
            aria-label={`${labels.part(part)} ${t('competition.settings.max')}`}
            style={{ width: 90 }}
            data-testid={`max-${part}`}
          />
        </Flex>
        <Flex gap={6} align="center" style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('competition.settings.leadOffice')}</Typography.Text>
          <Select<string>
            value={value.office}
            onChange={(office) => onChange({ ...value, office })}
            options={labels.officeOptions}
            aria-label={`${labels.part(part)} ${t('competition.settings.leadOffice')}`}
            style={{ flex: 1, minWidth: 0, maxWidth: 240 }}
          />
        </Flex>
      </Flex>
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          title={problems.map((p) => <div key={p}>{p}</div>)}
          style={{ marginBottom: 8 }}
          data-testid={`problems-${part}`}
        />
      ) : null}
      {value.items.map((item) => (
        <ItemRow
          key={item.key}
          part={part}
          item={item}
          onChange={(patch) => setItem(item.key, patch)}
          onRemove={() => onChange({ ...value, items: value.items.filter((i) => i.key !== item.key) })}
        />
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange({ ...value, items: [...value.items, emptyItem()] })}>
        {t('competition.settings.addItem')}
      </Button>
    </Card>
  );
}

/**
 * 评分细则: the three parts with their maxima, lead offices and items; running sums beside each
 * part and the parts against 100, every problem of the domain's own check shown where it is.
 */
export function RubricEditor({
  value,
  onChange,
  serverProblems,
}: {
  value: RubricDraft;
  onChange: (d: RubricDraft) => void;
  serverProblems: string[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const totals = draftTotals(value);
  const fieldName: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, t(`competition.settings.${f}`)]));
  const problems = rubricProblems(value, lang, (row, field) =>
    t('competition.settings.row', { row, field: fieldName[field] ?? field }),
  );
  return (
    <Flex vertical gap={12} data-testid="rubric-editor">
      <Flex gap={8} align="center" wrap>
        <Tag
          color={totals.total === 100 ? 'green' : 'red'}
          style={{ fontSize: 14, padding: '2px 8px' }}
          data-testid="parts-total"
        >
          {t('competition.settings.partsTotal', { total: totals.total })}
        </Tag>
        {[...problems.root, ...serverProblems].map((p) => (
          <Typography.Text key={p} type="danger" data-testid="rubric-root-problem">
            {p}
          </Typography.Text>
        ))}
      </Flex>
      {COMPETITION_PARTS.map((part) => (
        <PartEditor
          key={part}
          part={part}
          value={value[part]}
          problems={problems.parts[part]}
          onChange={(p) => onChange({ ...value, [part]: p })}
        />
      ))}
    </Flex>
  );
}

export function countRubricProblems(value: RubricDraft, lang: 'zh-CN' | 'en'): number {
  const p = rubricProblems(value, lang, (row, field) => `${row}.${field}`);
  return p.root.length + COMPETITION_PARTS.reduce((n, part) => n + p.parts[part].length, 0);
}
