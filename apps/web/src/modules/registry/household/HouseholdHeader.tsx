import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Household } from '@fupin/domain/schemas/households';
import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useReportError } from '../../../api/use-report-error';
import { type TagOption, useDeleteHousehold } from '../api';
import { StatusTags } from '../StatusTags';

interface Props {
  h: Household;
  tags: readonly TagOption[];
  /** the list's address, to go back to the same filters and page */
  listHref: string;
  onEdit: () => void;
}

/** The household at a glance: head, number, village and group, status and tags; edit and delete. */
export function HouseholdHeader({ h, tags, listHref, onEdit }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteHousehold();
  const report = useReportError();
  const { message } = App.useApp();
  const place = [h.villageName, h.groupName].filter(Boolean).join(' ');
  const facts = [
    h.householdNumber ? `${t('registry.householdNumber')} ${h.householdNumber}` : null,
    place,
    h.address,
    h.phone,
  ].filter(Boolean);
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="household-header">
      <Flex vertical gap={8}>
        <Link to={listHref} style={{ alignSelf: 'flex-start' }}>
          <ArrowLeftOutlined /> {t('registry.backToList')}
        </Link>
        <Flex justify="space-between" align="flex-start" wrap gap={8}>
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="household-title">
              {h.headName || t('registry.noHead')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
              {facts.join(' · ')}
            </Typography.Text>
            <StatusTags status={h.povertyStatus} exitYear={h.exitYear} tags={h.tags} tagOptions={tags} />
          </Flex>
          {h.canEdit ? (
            <Flex gap={8} wrap>
              <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="household-edit">
                {t('registry.edit')}
              </Button>
              <Popconfirm
                title={t('registry.deleteConfirm', { name: h.headName })}
                description={<div style={{ maxWidth: 300 }}>{t('registry.deleteHelp')}</div>}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(h.id, {
                    onSuccess: () => {
                      void message.success(t('registry.deleted'));
                      void navigate(listHref, { replace: true });
                    },
                    onError: (err) => report(err),
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('registry.delete')}
                </Button>
              </Popconfirm>
            </Flex>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
