import { ArrowLeftOutlined, BarChartOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useReportError } from '../api/use-report-error';
import { useDeleteRuleSet, useRuleSet } from '../modules/rules/api';
import { DraftEditor } from '../modules/rules/edit/DraftEditor';
import { useDraftEditor } from '../modules/rules/edit/use-draft-editor';
import type { RuleSetVersion } from '../modules/rules/model';
import { FullPageSpin } from '../ui/FullPageSpin';
import { PageHeader } from '../ui/PageHeader';
import { QueryError } from '../ui/QueryError';

function Editor({ set }: { set: RuleSetVersion }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const editor = useDraftEditor(set);
  const remove = useDeleteRuleSet();
  const report = useReportError();
  const view = `/rules/${set.id}`;

  const leave = () => {
    if (!editor.dirty) {
      void navigate(view);
      return;
    }
    modal.confirm({
      title: t('rules.editor.unsavedTitle'),
      content: t('rules.editor.unsavedText'),
      okText: t('rules.editor.discard'),
      okButtonProps: { danger: true },
      cancelText: t('rules.editor.keep'),
      onOk: () => void navigate(view),
    });
  };

  return (
    <>
      <PageHeader
        title={t('rules.editor.title', { year: set.year, version: set.version })}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={leave} data-testid="editor-back">
              {t('common.back')}
            </Button>
            <Button
              icon={<BarChartOutlined />}
              onClick={() =>
                editor.dirty
                  ? void message.warning(t('rules.editor.saveFirst'))
                  : void navigate(view, { state: { preview: true } })
              }
              data-testid="editor-preview"
            >
              {t('rules.editor.toPreview')}
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
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="editor-delete">
                {t('rules.actions.delete')}
              </Button>
            </Popconfirm>
          </>
        }
      />
      <DraftEditor editor={editor} />
    </>
  );
}

/** /rules/:id/edit 编辑草稿 (rules.manage): drafts only; other versions point back to their page. */
export function RulesEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const set = useRuleSet(id);
  if (set.error) {
    const missing = set.error instanceof ApiError && (set.error.status === 404 || set.error.status === 400);
    if (!missing) return <QueryError error={set.error} onRetry={() => void set.refetch()} />;
    return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('rules.notFound')} />;
  }
  if (!set.data) return <FullPageSpin fullHeight={false} />;
  if (set.data.status !== 'draft') {
    return (
      <Result
        status="info"
        title={t('rules.editor.notDraft')}
        extra={
          <Link to={`/rules/${set.data.id}`}>
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  // Keyed by version: another draft opened here starts from its own definition.
  return <Editor key={set.data.id} set={set.data} />;
}
