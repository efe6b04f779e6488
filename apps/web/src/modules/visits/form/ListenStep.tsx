import { GUARANTEES } from '@fupin/domain';
import type { Household } from '@fupin/domain/schemas/households';
import { Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVisitLabels } from '../labels';
import { Block, Choice, ObservedItem, YesNo } from './controls';
import type { WaterValues } from './model';
import { waterSecured } from './payload';

const BASIC = ['food', 'clothing', 'education', 'medical', 'housing'] as const;
const WATER = ['quantity', 'quality', 'convenience', 'reliability'] as const;

function ProblemFields({ code, required }: { code: string; required: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ background: '#fff2f0', borderRadius: 6, padding: '8px 10px', marginBottom: 12 }}>
      <Form.Item
        name={['guarantees', code, 'problem']}
        label={t('visits.form.problem')}
        rules={required ? [{ required: true, whitespace: true, message: t('visits.form.describe') }] : []}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid={`problem-${code}`} />
      </Form.Item>
      <Form.Item
        name={['guarantees', code, 'solvedOnSite']}
        label={t('visits.form.solvedOnSite')}
        valuePropName="checked"
        style={{ marginBottom: 0 }}
      >
        <Switch />
      </Form.Item>
    </div>
  );
}

function Guarantee({ code }: { code: (typeof BASIC)[number] }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const secured = Form.useWatch(['guarantees', code, 'secured'], { preserve: true }) as boolean | undefined;
  return (
    <>
      <Form.Item
        name={['guarantees', code, 'secured']}
        label={labels.code(GUARANTEES, code)}
        style={{ marginBottom: secured === false ? 8 : 16 }}
      >
        <Choice yes={t('visits.form.secured')} no={t('visits.form.notSecured')} testId={`guarantee-${code}`} />
      </Form.Item>
      {secured === false ? <ProblemFields code={code} required /> : null}
    </>
  );
}

function Water() {
  const { t } = useTranslation();
  const water = Form.useWatch(['guarantees', 'water'], { preserve: true }) as WaterValues | undefined;
  const ok = water ? waterSecured(water) : true;
  return (
    <Block
      title={t('visits.form.water')}
      testId="guarantee-water"
      extra={
        <Typography.Text type={ok ? 'success' : 'danger'}>
          {ok ? t('visits.form.secured') : t('visits.form.notSecured')}
        </Typography.Text>
      }
    >
      <Flex gap={12} wrap>
        {WATER.map((w) => (
          <Form.Item
            key={w}
            name={['guarantees', 'water', w]}
            label={t(`visits.form.waterIndicators.${w}`)}
            style={{ flex: '1 1 150px' }}
          >
            <Choice yes={t('visits.form.ok')} no={t('visits.form.notOk')} testId={`water-${w}`} />
          </Form.Item>
        ))}
      </Flex>
      {ok ? null : <ProblemFields code="water" required={false} />}
    </Block>
  );
}

/** 听 listen: 两不愁三保障, drinking water's four indicators, unsold produce, industry and work. */
export function ListenStep({ h }: { h: Household }) {
  const { t } = useTranslation();
  const labels = useVisitLabels();
  const unsold = Form.useWatch(['unsoldProduce', 'has'], { preserve: true }) as boolean | undefined;
  const industry = Form.useWatch(['industry', 'has'], { preserve: true }) as boolean | undefined;
  return (
    <>
      <Block title={t('visits.form.guarantees')} testId="step-listen">
        {BASIC.map((code) => (
          <Guarantee key={code} code={code} />
        ))}
      </Block>
      <Water />
      <Block title={t('visits.form.industryTitle')}>
        <Form.Item name={['unsoldProduce', 'has']} label={t('visits.form.unsold')}>
          <YesNo />
        </Form.Item>
        {unsold ? (
          <Form.Item name={['unsoldProduce', 'description']} label={t('visits.form.unsoldDescription')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        ) : null}
        <Form.Item name={['industry', 'has']} label={t('visits.form.hasIndustry')}>
          <YesNo />
        </Form.Item>
        {industry ? (
          <ObservedItem
            name="industryProjects"
            field="industryProjects"
            registry={h.industryProjects}
            label={labels.field('industryProjects')}
          >
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',', '，', '、']}
              placeholder={t('registry.assistance.projectsPlaceholder')}
            />
          </ObservedItem>
        ) : null}
        <ObservedItem
          name={['industry', 'failed']}
          field="industryFailed"
          registry={h.industryFailed}
          label={labels.field('industryFailed')}
        >
          <YesNo />
        </ObservedItem>
        <Form.Item name={['industry', 'description']} label={t('visits.form.industryDescription')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <ObservedItem
          name={['employment', 'unstable']}
          field="employmentUnstable"
          registry={h.employmentUnstable}
          label={labels.field('employmentUnstable')}
        >
          <YesNo />
        </ObservedItem>
        <Form.Item name={['employment', 'description']} label={t('visits.form.employmentDescription')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Block>
    </>
  );
}
