import { LABOUR_CAPACITIES } from '@fupin/domain';
import { Col, DatePicker, Form, Input, InputNumber, Row, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { codeLabel } from '../../registry/vocab';
import type { EditableDefinition } from '../validate';
import { Field } from './RuleFields';

interface Props {
  draft: EditableDefinition;
  update: (edit: (d: EditableDefinition) => void) => void;
  note: string;
  onNote: (note: string) => void;
  errorsOf: (path: string) => readonly string[];
}

/** 基本参数: the note, the income line, the reference date and the labour weights. */
export function SetFields({ draft, update, note, onNote, errorsOf }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const year = draft.year;
  const weightErrors = [
    ...errorsOf('labourWeights'),
    ...LABOUR_CAPACITIES.codes.flatMap((code) =>
      errorsOf(`labourWeights.${code}`).map((m) => `${codeLabel(LABOUR_CAPACITIES, code, lang)}：${m}`),
    ),
  ];
  return (
    <Form layout="vertical" component={false}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label={t('rules.summary.incomeLine')} errors={errorsOf('incomeLine')} help={t('rules.editor.incomeLineHelp')}>
            <InputNumber<number>
              value={draft.incomeLine}
              onChange={(v) =>
                update((d) => {
                  d.incomeLine = v;
                })
              }
              min={0}
              step={100}
              suffix={t('rules.editor.yuan')}
              style={{ width: 200 }}
              data-testid="income-line"
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field
            label={t('rules.summary.referenceDate')}
            errors={errorsOf('referenceDate')}
            help={t('rules.editor.referenceDateHelp')}
          >
            <DatePicker
              value={draft.referenceDate ? dayjs(draft.referenceDate) : null}
              onChange={(d) =>
                update((x) => {
                  x.referenceDate = d ? d.format('YYYY-MM-DD') : null;
                })
              }
              // The year of a version is fixed: its ages are counted on a day of that year.
              minDate={dayjs(`${year}-01-01`)}
              maxDate={dayjs(`${year}-12-31`)}
              allowClear={false}
              style={{ width: 200 }}
              data-testid="reference-date"
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t('rules.summary.labourWeights')} errors={weightErrors} help={t('rules.editor.weightsHelp')}>
            <Table
              size="small"
              pagination={false}
              rowKey="code"
              bordered
              dataSource={LABOUR_CAPACITIES.codes.map((code) => ({ code }))}
              columns={[
                {
                  title: t('rules.editor.labourCode'),
                  dataIndex: 'code',
                  render: (code: string) => codeLabel(LABOUR_CAPACITIES, code, lang),
                },
                {
                  title: t('rules.editor.weight'),
                  dataIndex: 'code',
                  key: 'weight',
                  width: 130,
                  render: (code: string) => {
                    const errors = errorsOf(`labourWeights.${code}`);
                    return (
                      <InputNumber<number>
                        value={draft.labourWeights[code] ?? null}
                        onChange={(v) =>
                          update((d) => {
                            d.labourWeights[code] = v;
                          })
                        }
                        min={0}
                        max={1}
                        step={0.1}
                        status={errors.length ? 'error' : undefined}
                        style={{ width: 100 }}
                        aria-label={codeLabel(LABOUR_CAPACITIES, code, lang)}
                        data-testid={`weight-${code}`}
                      />
                    );
                  },
                },
              ]}
              data-testid="labour-weights"
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={`${t('rules.note')}（${t('common.optional')}）`} errors={errorsOf('note')}>
            <Input.TextArea
              value={note}
              onChange={(e) => onNote(e.target.value)}
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t('rules.create.notePlaceholder')}
              data-testid="draft-note"
            />
          </Field>
        </Col>
      </Row>
    </Form>
  );
}
