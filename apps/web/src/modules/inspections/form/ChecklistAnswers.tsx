import { CameraOutlined, FileTextOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChecklistItem } from '@fupin/domain';
import { Button, Card, Flex, Input, Radio, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HouseholdSelect } from '../../problems/common/SearchSelects';
import { type Answer, type Answers, answerOf, type Place } from '../answers';
import { CHOSEN } from './choice-styles';

interface Props {
  items: readonly ChecklistItem[];
  answers: Answers;
  onChange: (next: Answers) => void;
  /** a sector sweep: a failed item names the villages and households where it failed */
  villages?: readonly { id: string; name: string }[];
  /** the items still open, marked after a refused submit */
  highlight: readonly string[];
}

const EVIDENCE_ICONS = { photo: <CameraOutlined />, document: <FileTextOutlined />, none: null } as const;

function Places({
  places,
  villages,
  onChange,
}: {
  places: Place[];
  villages: readonly { id: string; name: string }[];
  onChange: (p: Place[]) => void;
}) {
  const { t } = useTranslation();
  const rows = places.length ? places : [{ villageId: null, householdId: null }];
  const set = (i: number, p: Place) => onChange(rows.map((r, j) => (j === i ? p : r)));
  return (
    <Flex vertical gap={6} data-testid="failed-places">
      <Typography.Text type="secondary">{t('inspections.failedPlace')}</Typography.Text>
      {rows.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: places have no identity of their own
        <Flex key={i} gap={6} wrap align="center">
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={p.villageId ?? undefined}
            placeholder={t('inspections.villagePlaceholder')}
            aria-label={t('inspections.villagePlaceholder')}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            onChange={(v) => set(i, { villageId: v ?? null, householdId: null })}
            style={{ flex: '1 1 120px', minWidth: 0 }}
          />
          <HouseholdSelect
            villageId={p.villageId}
            value={p.householdId}
            onChange={(h) => set(i, { ...p, householdId: h })}
            placeholder={t('inspections.householdPlaceholder')}
            style={{ flex: '2 1 180px', minWidth: 0 }}
          />
          {rows.length > 1 ? (
            <Button
              type="text"
              icon={<MinusCircleOutlined />}
              aria-label={t('inspections.removePlace')}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            />
          ) : null}
        </Flex>
      ))}
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...rows, { villageId: null, householdId: null }])}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('inspections.addPlace')}
      </Button>
    </Flex>
  );
}

/** The checklist to answer: pass or fail each item, with a note; what evidence it asks is shown. */
export function ChecklistAnswers({ items, answers, onChange, villages, highlight }: Props) {
  const { t } = useTranslation();
  const set = (code: string, patch: Partial<Answer>) =>
    onChange({ ...answers, [code]: { ...answerOf(answers, code), ...patch } });
  return (
    <Flex vertical gap={8} data-testid="checklist">
      {items.map((item) => {
        const a = answerOf(answers, item.code);
        const marked = highlight.includes(item.code) && a.ok === null;
        return (
          <Card
            key={item.code}
            size="small"
            styles={{ body: { padding: 12 } }}
            style={{ borderColor: marked ? '#ff4d4f' : a.ok === false ? '#ffa39e' : undefined }}
            data-testid={`item-${item.code}`}
          >
            <Flex vertical gap={8}>
              <Flex justify="space-between" gap={8} align="flex-start" wrap>
                <Typography.Text style={{ flex: '1 1 200px', minWidth: 0, wordBreak: 'break-word' }}>
                  <Typography.Text type="secondary">{item.code}</Typography.Text> {item.text}
                </Typography.Text>
                <Tag icon={EVIDENCE_ICONS[item.evidence]} style={{ marginInlineEnd: 0 }}>
                  {t(`inspections.evidence.${item.evidence}`)}
                </Tag>
              </Flex>
              <Radio.Group
                value={a.ok === null ? undefined : a.ok ? 'pass' : 'fail'}
                onChange={(e) => set(item.code, { ok: e.target.value === 'pass' })}
                optionType="button"
                buttonStyle="solid"
                data-testid={`answer-${item.code}`}
              >
                <Radio.Button value="pass" style={a.ok === true ? CHOSEN.good : undefined}>
                  {t('inspections.pass')}
                </Radio.Button>
                <Radio.Button value="fail" style={a.ok === false ? CHOSEN.bad : undefined}>
                  {t('inspections.fail')}
                </Radio.Button>
              </Radio.Group>
              <Input.TextArea
                value={a.note}
                onChange={(e) => set(item.code, { note: e.target.value })}
                placeholder={t('inspections.notePlaceholder')}
                aria-label={`${item.code} ${t('inspections.notePlaceholder')}`}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={300}
                data-testid={`note-${item.code}`}
              />
              {villages && a.ok === false ? (
                <Places places={a.places} villages={villages} onChange={(places) => set(item.code, { places })} />
              ) : null}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
