import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import { StateTag, TypeTag } from '../../visits/tasks/tags';
import type { VisitTaskRow } from '../api';
import { type DrillPage, DrillResults } from './DrillResults';

const cadreNames = (r: VisitTaskRow) => r.cadres.map((c) => c.name).join('、') || '—';

/** The households behind a visit figure: who heads them, their cadres, whether and when they were visited. */
export function VisitTaskList({ items, paging, mobile }: { items: VisitTaskRow[]; paging: DrillPage; mobile: boolean }) {
  const { t } = useTranslation();
  const head = (r: VisitTaskRow) => <Link to={`/registry/${r.householdId}`}>{r.headName}</Link>;
  return (
    <DrillResults<VisitTaskRow>
      items={items}
      rowKey={(r) => r.householdId}
      mobile={mobile}
      paging={paging}
      card={(r) => (
        <>
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong>{head(r)}</Typography.Text>
            <StateTag state={r.state} />
          </Flex>
          <Flex gap={6} wrap align="center" style={{ marginTop: 2 }}>
            <Typography.Text type="secondary">{r.villageName}</Typography.Text>
            <TypeTag type={r.type} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {t('dashboard.list.cadres')}：{cadreNames(r)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {t('dashboard.list.firstVisit')}：{formatDateTime(r.firstVisitAt)} · {t('dashboard.list.deadline')} {r.deadline}
          </Typography.Text>
        </>
      )}
      columns={[
        { title: t('dashboard.list.head'), key: 'head', render: (_, r) => head(r) },
        { title: t('dashboard.list.householdNumber'), dataIndex: 'householdNumber', render: (v: string | null) => v ?? '—' },
        { title: t('dashboard.visits.village'), dataIndex: 'villageName' },
        { title: t('dashboard.list.type'), dataIndex: 'type', render: (v: VisitTaskRow['type']) => <TypeTag type={v} /> },
        { title: t('dashboard.list.cadres'), key: 'cadres', render: (_, r) => cadreNames(r) },
        { title: t('dashboard.list.stateCol'), dataIndex: 'state', render: (s: VisitTaskRow['state']) => <StateTag state={s} /> },
        { title: t('dashboard.list.firstVisit'), dataIndex: 'firstVisitAt', render: (v: string | null) => formatDateTime(v) },
        { title: t('dashboard.list.deadline'), dataIndex: 'deadline' },
      ]}
    />
  );
}
