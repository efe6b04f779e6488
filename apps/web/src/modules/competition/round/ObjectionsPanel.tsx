import { MessageOutlined } from '@ant-design/icons';
import { OBJECTION_OUTCOMES, type ObjectionOutcome } from '@fupin/domain';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { formatDateTime } from '../../../ui/format';
import { type Objection, type RoundDetail, useAnswerObjection, useRaiseObjection } from '../api';
import { useCompetitionLabels } from '../labels';

function RaiseForm({ detail }: { detail: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const raise = useRaiseObjection(detail.round.id);
  const candidates = detail.viewer.canManage
    ? detail.villages
    : detail.villages.filter((v) => detail.viewer.nominateVillageIds.includes(v.villageId));
  const [villageId, setVillageId] = useState(candidates[0]?.villageId ?? '');
  const [text, setText] = useState('');
  const [id, setId] = useState(newId);
  const ok = text.trim().length >= 2 && villageId !== '';
  const submit = () =>
    raise.mutate(
      { id, villageId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setId(newId());
          void message.success(t('competition.objections.raised'));
        },
        onError: (e) => report(e),
      },
    );
  if (candidates.length === 0) return null;
  return (
    <Card size="small" title={t('competition.objections.raiseTitle')} data-testid="objection-form">
      <Flex vertical gap={8}>
        {candidates.length > 1 ? (
          <Select
            value={villageId}
            onChange={setVillageId}
            options={candidates.map((v) => ({ value: v.villageId, label: v.villageName }))}
            aria-label={t('competition.village')}
            style={{ maxWidth: 240 }}
          />
        ) : null}
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('competition.objections.text')}
          aria-label={t('competition.objections.text')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={1000}
          showCount
          data-testid="objection-text"
        />
        <Button
          type="primary"
          icon={<MessageOutlined />}
          disabled={!ok}
          loading={raise.isPending}
          onClick={submit}
          size="large"
          style={{ alignSelf: 'flex-start' }}
          data-testid="objection-submit"
        >
          {t('competition.objections.raise')}
        </Button>
      </Flex>
    </Card>
  );
}

function AnswerModal({ roundId, objection, onClose }: { roundId: string; objection: Objection; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const { message } = App.useApp();
  const report = useReportError();
  const answer = useAnswerObjection(roundId);
  const [form] = Form.useForm<{ outcome: ObjectionOutcome; answer: string }>();
  const onFinish = (v: { outcome: ObjectionOutcome; answer: string }) =>
    answer.mutate(
      { objectionId: objection.id, outcome: v.outcome, answer: v.answer.trim() },
      {
        onSuccess: () => {
          void message.success(t('competition.objections.answered'));
          onClose();
        },
        onError: (e) => report(e),
      },
    );
  return (
    <Modal
      open
      title={t('competition.objections.answerTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('competition.objections.answer')}
      okButtonProps={{ 'data-testid': 'answer-ok' }}
      confirmLoading={answer.isPending}
      destroyOnHidden
      data-testid="answer-modal"
    >
      <Typography.Paragraph>
        <Typography.Text strong>{objection.villageName}</Typography.Text>：{objection.text}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="outcome"
          label={t('competition.objections.outcome')}
          rules={[{ required: true, message: t('competition.objections.outcome') }]}
        >
          <Radio.Group data-testid="answer-outcome">
            <Flex vertical gap={6}>
              {OBJECTION_OUTCOMES.map((o) => (
                <Radio key={o} value={o} data-testid={`outcome-${o}`}>
                  {labels.outcome(o)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="answer"
          label={t('competition.objections.answerText')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('competition.objections.answerRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ObjectionCard({ o, canAnswer, onAnswer }: { o: Objection; canAnswer: boolean; onAnswer: () => void }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  return (
    <Card size="small" data-testid="objection" data-status={o.status}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong>{o.villageName ?? '—'}</Typography.Text>
          <Flex gap={4} wrap>
            {!o.current ? <Tag>{t('competition.objections.withdrawnOne')}</Tag> : null}
            <Tag color={o.status === 'open' ? 'orange' : 'green'}>{labels.objectionStatus(o.status)}</Tag>
          </Flex>
        </Flex>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('competition.objections.raisedBy', { name: o.raisedByName ?? '—', at: formatDateTime(o.raisedAt) })}
        </Typography.Text>
        {o.status === 'answered' ? (
          <Alert
            type={o.outcome === 'upheld' ? 'warning' : 'info'}
            title={o.outcome ? labels.outcome(o.outcome) : ''}
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('competition.objections.answeredBy', { name: o.answeredByName ?? '—', at: formatDateTime(o.answeredAt) })}
                </Typography.Text>
              </>
            }
            data-testid="objection-answer"
          />
        ) : canAnswer ? (
          <Button onClick={onAnswer} style={{ alignSelf: 'flex-start' }} data-testid="objection-answer-open">
            {t('competition.objections.answer')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

/** 异议: raised by the villages in the publicity period, answered by the office one by one. */
export function ObjectionsPanel({ detail }: { detail: RoundDetail }) {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState<Objection | null>(null);
  const { round, viewer } = detail;
  const inPublicity = round.status === 'published';
  const canRaise = inPublicity && (viewer.canManage || viewer.nominateVillageIds.length > 0);
  return (
    <Flex vertical gap={12} data-testid="objections">
      {round.publicity ? (
        <Alert
          type="info"
          showIcon
          title={t('competition.objections.periodHint', round.publicity)}
          data-testid="publicity-hint"
        />
      ) : null}
      {canRaise ? <RaiseForm detail={detail} /> : null}
      {detail.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('competition.objections.empty')} />
      ) : null}
      {detail.objections.map((o) => (
        <ObjectionCard
          key={o.id}
          o={o}
          canAnswer={viewer.canManage && o.status === 'open' && o.current}
          onAnswer={() => setAnswering(o)}
        />
      ))}
      {answering ? <AnswerModal roundId={round.id} objection={answering} onClose={() => setAnswering(null)} /> : null}
    </Flex>
  );
}
