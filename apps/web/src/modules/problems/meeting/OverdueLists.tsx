import { Col, Empty, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverdueLists as Lists } from '../api';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** 逾期问题 by person and by unit, worst first (the discipline commission reads the same lists). */
export function OverdueLists({ data }: { data: Lists }) {
  const { t } = useTranslation();
  const unassigned = t('problems.meeting.unassigned');
  if (data.byPerson.length === 0 && data.byUnit.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.meeting.noOverdue')} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t('problems.meeting.byPerson')}</Typography.Title>
        <Table
          size="small"
          rowKey={(r) => r.userId ?? 'none'}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.byPerson}
          data-testid="overdue-by-person"
          columns={[
            { title: t('problems.meeting.person'), dataIndex: 'name', render: (n: string | null) => n ?? unassigned },
            {
              title: t('problems.meeting.count'),
              dataIndex: 'overdue',
              align: 'right',
              render: (n: number) => (
                <Typography.Text type="danger" style={num}>
                  {n}
                </Typography.Text>
              ),
            },
            {
              title: t('problems.meeting.oldest'),
              dataIndex: 'oldestDeadline',
              render: (d: string) => <span style={num}>{d}</span>,
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Title level={5}>{t('problems.meeting.byUnit')}</Typography.Title>
        <Table
          size="small"
          rowKey={(r) => r.unitId ?? 'none'}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.byUnit}
          data-testid="overdue-by-unit"
          columns={[
            {
              title: t('problems.meeting.unit'),
              dataIndex: 'name',
              render: (n: string | null) => <Link to="/problems?overdue=1">{n ?? unassigned}</Link>,
            },
            {
              title: t('problems.meeting.count'),
              dataIndex: 'overdue',
              align: 'right',
              render: (n: number) => (
                <Typography.Text type="danger" style={num}>
                  {n}
                </Typography.Text>
              ),
            },
            { title: t('problems.meeting.escalated'), dataIndex: 'escalated', align: 'right' },
            {
              title: t('problems.meeting.oldest'),
              dataIndex: 'oldestDeadline',
              render: (d: string) => <span style={num}>{d}</span>,
            },
          ]}
        />
      </Col>
    </Row>
  );
}
