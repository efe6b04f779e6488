import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../api/client';
import { useReportError } from '../../api/use-report-error';
import { useProblemList } from '../problems/api';
import { UserSelect } from '../problems/common/SearchSelects';
import { type Order, useIssueOrder } from './api';

interface Values {
  title: string;
  deadline: Dayjs;
  responsibleUserIds: string[];
  problemIds: string[];
  note?: string;
}

interface Props {
  townshipId: string;
  /** problems chosen in the ledger; none: chosen here */
  problemIds: string[];
  onClose: () => void;
  onIssued: (order: Order) => void;
}

/** The open problems to pick from, searched by their description. */
function ProblemPicker({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useProblemList({ q: q || undefined, limit: 100, offset: 0 });
  const options = (list.data?.items ?? [])
    .filter((p) => p.status !== 'closed')
    .map((p) => ({ value: p.id, label: `${p.villageName ?? t('problems.township')} · ${p.description}` }));
  return (
    <Select<string[]>
      mode="multiple"
      value={value}
      onChange={(ids) => onChange?.(ids)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={list.isFetching}
      options={options}
      placeholder={t('orders.pickProblems')}
      aria-label={t('orders.problems')}
      data-testid="order-problems"
    />
  );
}

/** 下发督办单: a title, a deadline, the persons answerable, the problems (retry-safe by its id). */
export function IssueOrderModal({ townshipId, problemIds, onClose, onIssued }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [id] = useState(newId);
  const issue = useIssueOrder();
  const submit = (v: Values) =>
    issue.mutate(
      {
        id,
        townshipId,
        title: v.title.trim(),
        deadline: v.deadline.format('YYYY-MM-DD'),
        responsibleUserIds: v.responsibleUserIds,
        problemIds: problemIds.length ? problemIds : v.problemIds,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: (d) => {
          void message.success(t('orders.issued', { number: d.order.number }));
          onIssued(d.order);
        },
        onError: (e) => report(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('orders.issueTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orders.issue')}
      confirmLoading={issue.isPending}
      destroyOnHidden
      data-testid="issue-order"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: t('orders.defaultTitle'), deadline: dayjs().add(7, 'day') }}
      >
        {problemIds.length ? (
          <Typography.Paragraph type="secondary">{t('orders.chosen', { count: problemIds.length })}</Typography.Paragraph>
        ) : (
          <Form.Item
            name="problemIds"
            label={t('orders.problems')}
            rules={[{ required: true, message: t('orders.problemsRequired') }]}
          >
            <ProblemPicker />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('orders.titleField')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('orders.titleRequired') }]}
        >
          <Input maxLength={100} data-testid="order-title" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('orders.deadline')}
          rules={[{ required: true, message: t('orders.deadlineRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="order-deadline" />
        </Form.Item>
        <Form.Item
          name="responsibleUserIds"
          label={t('orders.responsible')}
          rules={[{ required: true, message: t('orders.responsibleRequired') }]}
        >
          <UserSelect mode="multiple" placeholder={t('problems.form.personPlaceholder')} testId="order-responsible" />
        </Form.Item>
        <Form.Item name="note" label={t('orders.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
