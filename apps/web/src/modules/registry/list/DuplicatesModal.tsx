import { Alert, Empty, Flex, Modal, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../ui/QueryError';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { type DuplicateEntry, useDuplicates } from '../api';

interface Row extends DuplicateEntry {
  key: string;
  idNumber: string;
  /** rows of one ID number share its cell */
  span: number;
}

/** 重复身份证号: numbers registered in more than one township of the county. */
export function DuplicatesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const report = useDuplicates(open);
  const rows: Row[] = (report.data ?? []).flatMap((d) =>
    d.entries.map((e, i) => ({ ...e, key: `${d.idNumber}.${i}`, idNumber: d.idNumber, span: i === 0 ? d.entries.length : 0 })),
  );
  const who = (r: Row) =>
    r.householdId ? (
      <Link to={`/registry/${r.householdId}`} onClick={onClose}>
        {r.name ?? t('common.none')}
        {r.householdNumber ? `（${r.householdNumber}）` : ''}
      </Link>
    ) : (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    );
  const columns: TableColumnsType<Row> = mobile
    ? [
        {
          title: t('registry.headIdNumber'),
          dataIndex: 'idNumber',
          onCell: (r) => ({ rowSpan: r.span }),
          render: (n: string) => <span style={{ wordBreak: 'break-all' }}>{n}</span>,
        },
        {
          title: t('registry.duplicatesReport.township'),
          key: 'where',
          render: (_, r) => (
            <Flex vertical>
              <span>{[r.townshipName, r.villageName].filter(Boolean).join(' ')}</span>
              {who(r)}
            </Flex>
          ),
        },
      ]
    : [
        { title: t('registry.headIdNumber'), dataIndex: 'idNumber', onCell: (r) => ({ rowSpan: r.span }) },
        { title: t('registry.duplicatesReport.township'), dataIndex: 'townshipName' },
        { title: t('registry.duplicatesReport.village'), dataIndex: 'villageName', render: (v: string | null) => v ?? '—' },
        { title: t('registry.duplicatesReport.name'), key: 'who', render: (_, r) => who(r) },
      ];
  return (
    <Modal
      open={open}
      title={t('registry.duplicatesReport.title')}
      onCancel={onClose}
      footer={null}
      width={mobile ? '100%' : 760}
      destroyOnHidden
      data-testid="duplicates-modal"
    >
      <Alert type="info" showIcon title={t('registry.duplicatesReport.help')} style={{ marginBottom: 12 }} />
      {report.error ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.isPending ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t('registry.duplicatesReport.none')} />
      ) : (
        <Table<Row> rowKey="key" size="small" bordered columns={columns} dataSource={rows} pagination={false} />
      )}
    </Modal>
  );
}
