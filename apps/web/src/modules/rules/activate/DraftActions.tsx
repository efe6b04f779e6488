import { BarChartOutlined, DeleteOutlined, EditOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useReportError } from '../../../api/use-report-error';
import { useActivate, useDeleteRuleSet } from '../api';
import type { RuleSetVersion } from '../model';
import { rememberJob } from './ActivationStatus';

interface Props {
  set: RuleSetVersion;
  onPreview: () => void;
  previewing: boolean;
  onActivated: (jobId: string) => void;
}

/** A draft's buttons: 编辑草稿, 预览影响, 启用 (after a confirmation saying what it does), 删除草稿. */
export function DraftActions({ set, onPreview, previewing, onActivated }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const activate = useActivate();
  const remove = useDeleteRuleSet();

  const confirmActivate = () =>
    modal.confirm({
      title: t('rules.activate.confirmTitle', { year: set.year, version: set.version }),
      content: t('rules.activate.confirmText'),
      okText: t('rules.activate.ok'),
      cancelText: t('common.cancel'),
      width: 480,
      onOk: () =>
        activate.mutateAsync(set).then(
          (job) => {
            rememberJob(set.id, job.id);
            onActivated(job.id);
          },
          (err: unknown) => report(err),
        ),
    });

  return (
    <>
      <Link to={`/rules/${set.id}/edit`}>
        <Button icon={<EditOutlined />} data-testid="draft-edit">
          {t('rules.actions.edit')}
        </Button>
      </Link>
      <Button icon={<BarChartOutlined />} onClick={onPreview} loading={previewing} data-testid="draft-preview">
        {t('rules.preview.run')}
      </Button>
      <Button type="primary" icon={<ThunderboltOutlined />} onClick={confirmActivate} data-testid="draft-activate">
        {t('rules.activate.button')}
      </Button>
      <Popconfirm
        title={t('rules.actions.deleteConfirm')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          remove.mutate(set, {
            onSuccess: () => {
              void message.success(t('rules.actions.deleted'));
              void navigate('/rules', { replace: true });
            },
            onError: (err) => report(err),
          })
        }
      >
        <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="draft-delete">
          {t('rules.actions.delete')}
        </Button>
      </Popconfirm>
    </>
  );
}
