import { Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { type RoundDetail, useCreateRound } from './api';
import { monthsAround } from './format';
import { thisMonth, useCompetitionLabels } from './labels';

/** 新建评比: the month (this month unless chosen), one id for every retry of the same press. */
export function NewRoundModal({
  townshipId,
  taken,
  onCreated,
  onClose,
}: {
  townshipId: string;
  taken: readonly string[];
  onCreated: (d: RoundDetail) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const report = useReportError();
  const create = useCreateRound();
  const current = thisMonth();
  const [month, setMonth] = useState(current);
  // The same month pressed again reuses its id: a lost answer does not make a second round.
  const [id, setId] = useState(newId);
  const choose = (m: string) => {
    setMonth(m);
    setId(newId());
  };
  const options = monthsAround(current).map((m) => ({
    value: m,
    label: taken.includes(m) ? t('competition.monthTaken', { month: labels.month(m) }) : labels.month(m),
    disabled: taken.includes(m),
  }));
  return (
    <Modal
      open
      title={t('competition.newRoundTitle')}
      onCancel={onClose}
      onOk={() => create.mutate({ id, townshipId, month }, { onSuccess: (d) => onCreated(d), onError: (e) => report(e) })}
      okText={t('competition.newRound')}
      okButtonProps={{ 'data-testid': 'new-round-ok', disabled: taken.includes(month) }}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="new-round"
    >
      <Typography.Paragraph type="secondary">{t('competition.createHint')}</Typography.Paragraph>
      <Typography.Text>{t('competition.month')}</Typography.Text>
      <Select
        value={month}
        onChange={choose}
        options={options}
        style={{ width: '100%', marginTop: 4 }}
        aria-label={t('competition.month')}
        data-testid="new-round-month"
      />
    </Modal>
  );
}
