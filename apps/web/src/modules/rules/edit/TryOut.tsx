import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  compileRuleSet,
  EMPLOYMENTS,
  fieldLabel,
  HEALTH_STATUSES,
  HOUSING_GRADES,
  HOUSING_STRUCTURES,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  POVERTY_STATUS,
  SCHOOLING_STAGES,
  SEXES,
} from '@fupin/domain';
import { Alert, Button, Card, Checkbox, Col, Flex, InputNumber, Row, Select, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { codeOptions, type Vocabulary } from '../../registry/vocab';
import { HouseholdFlags } from '../flags';
import { newMember, type SampleHousehold, type SampleMember, sampleHousehold, toRuleHousehold } from '../sample';
import { type EditableDefinition, toDefinition } from '../validate';

const INCOMES = ['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome'] as const;
const FACTS = ['otherSafeHouse', 'hazardPoint', 'industryFailed', 'employmentUnstable', 'lowMotivation', 'riskRecorded'] as const;
const MEMBER_CODES: [keyof SampleMember, Vocabulary][] = [
  ['sex', SEXES],
  ['maritalStatus', MARITAL_STATUSES],
  ['labourCapacity', LABOUR_CAPACITIES],
  ['health', HEALTH_STATUSES],
  ['schoolingStage', SCHOOLING_STAGES],
  ['employment', EMPLOYMENTS],
];

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

/** 试算: a household typed in the page, evaluated with the draft as it stands (nothing is sent). */
export function TryOut({ draft, valid }: { draft: EditableDefinition; valid: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [h, setH] = useState<SampleHousehold>(sampleHousehold);
  const set = <K extends keyof SampleHousehold>(key: K, value: SampleHousehold[K]) => setH((x) => ({ ...x, [key]: value }));
  const setMember = (i: number, patch: Partial<SampleMember>) =>
    setH((x) => ({ ...x, members: x.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  const evaluator = useMemo(() => {
    if (!valid) return null;
    try {
      return compileRuleSet(toDefinition(draft));
    } catch {
      return null;
    }
  }, [draft, valid]);
  const flags = evaluator && draft.referenceDate ? evaluator.evaluate(toRuleHousehold(h, draft.referenceDate)) : null;
  const factLabel = (key: (typeof FACTS)[number]) =>
    key === 'lowMotivation' || key === 'riskRecorded' ? t(`rules.names.household.${key}`) : fieldLabel(lang, key);

  return (
    <Flex vertical gap={12} data-testid="tryout">
      <Typography.Text type="secondary">{t('rules.tryout.help')}</Typography.Text>
      <Row gutter={[8, 8]}>
        <Col xs={24} sm={8}>
          <Labelled label={fieldLabel(lang, 'povertyStatus')}>
            <Select
              value={h.povertyStatus}
              onChange={(v) => set('povertyStatus', v)}
              options={codeOptions(POVERTY_STATUS, lang)}
            />
          </Labelled>
        </Col>
        {INCOMES.map((key) => (
          <Col key={key} xs={12} sm={4}>
            <Labelled label={fieldLabel(lang, key)}>
              <InputNumber<number>
                value={h[key]}
                min={0}
                step={100}
                onChange={(v) => set(key, v ?? 0)}
                style={{ width: '100%' }}
                data-testid={`tryout-${key}`}
              />
            </Labelled>
          </Col>
        ))}
        <Col xs={12} sm={8}>
          <Labelled label={fieldLabel(lang, 'housingStructure')}>
            <Select
              value={h.housingStructure}
              onChange={(v) => set('housingStructure', v)}
              options={codeOptions(HOUSING_STRUCTURES, lang)}
            />
          </Labelled>
        </Col>
        <Col xs={12} sm={8}>
          <Labelled label={fieldLabel(lang, 'housingGrade')}>
            <Select value={h.housingGrade} onChange={(v) => set('housingGrade', v)} options={codeOptions(HOUSING_GRADES, lang)} />
          </Labelled>
        </Col>
        <Col xs={12} sm={8}>
          <Labelled label={t('rules.tryout.projects')}>
            <InputNumber<number>
              value={h.industryProjects}
              min={0}
              max={20}
              onChange={(v) => set('industryProjects', v ?? 0)}
              style={{ width: '100%' }}
            />
          </Labelled>
        </Col>
      </Row>
      <Flex wrap gap={8}>
        {FACTS.map((key) => (
          <Checkbox key={key} checked={h[key]} onChange={(e) => set(key, e.target.checked)}>
            {factLabel(key)}
          </Checkbox>
        ))}
      </Flex>
      <Typography.Text strong>{t('rules.tryout.members')}</Typography.Text>
      {h.members.map((m, i) => (
        <Card key={m.key} size="small" styles={{ body: { padding: 8 } }}>
          <Row gutter={[8, 8]} align="bottom">
            <Col xs={8} sm={3} lg={2}>
              <Labelled label={t('rules.tryout.age')}>
                <InputNumber<number>
                  value={m.age}
                  min={0}
                  max={120}
                  onChange={(v) => setMember(i, { age: v })}
                  style={{ width: '100%' }}
                  data-testid="tryout-age"
                />
              </Labelled>
            </Col>
            {MEMBER_CODES.map(([key, vocabulary]) => (
              <Col key={key} xs={key === 'sex' ? 8 : 12} sm={key === 'sex' ? 3 : 6} lg={3}>
                <Labelled label={fieldLabel(lang, key)}>
                  <Select
                    value={m[key] as string | null}
                    onChange={(v) => setMember(i, { [key]: v })}
                    options={codeOptions(vocabulary, lang)}
                    popupMatchSelectWidth={false}
                    data-testid={`tryout-${key}`}
                  />
                </Labelled>
              </Col>
            ))}
            <Col xs={8} sm={3} lg={1}>
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                disabled={h.members.length === 1}
                onClick={() => setH((x) => ({ ...x, members: x.members.filter((_, j) => j !== i) }))}
              />
            </Col>
          </Row>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => setH((x) => ({ ...x, members: [...x.members, newMember()] }))}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('rules.tryout.addMember')}
      </Button>
      <Typography.Text strong>{t('rules.tryout.result')}</Typography.Text>
      {flags === null ? (
        <Alert type="warning" showIcon title={t('rules.tryout.invalid')} />
      ) : flags.length === 0 ? (
        <Typography.Text type="secondary" data-testid="tryout-none">
          {t('rules.tryout.noFlags')}
        </Typography.Text>
      ) : (
        <div data-testid="tryout-flags">
          <HouseholdFlags flags={flags} />
        </div>
      )}
    </Flex>
  );
}
