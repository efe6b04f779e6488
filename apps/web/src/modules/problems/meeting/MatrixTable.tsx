import { Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemLabels } from '../labels';
import { type MatrixRow, totalsOf } from './matrix';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** The link to a village's problems in the ledger (the township's own: level 镇级 without a village). */
function ledgerLink(r: MatrixRow, extra = ''): string {
  return r.villageId ? `/problems?village=${r.villageId}${extra}` : `/problems?level=township${extra}`;
}

/** 研判表: a row per village with its totals and its problems per category; cards on a phone. */
export function MatrixTable({ rows, categories, mobile }: { rows: MatrixRow[]; categories: string[]; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const totals = totalsOf(rows, t('problems.meeting.sum'));

  if (mobile)
    return (
      <Flex vertical gap={8} data-testid="matrix-cards">
        {[...rows, totals].map((r) => (
          <Card key={r.villageId ?? r.name} size="small" styles={{ body: { padding: 12 } }} data-testid="matrix-card">
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{r.name}</Typography.Text>
              <span style={num}>
                {t('problems.meeting.total')} {r.total} · {t('problems.meeting.closed')} {r.closed}
                {r.overdue ? (
                  <Typography.Text type="danger">
                    {' '}
                    · {t('problems.meeting.overdue')} {r.overdue}
                  </Typography.Text>
                ) : null}
              </span>
            </Flex>
            <Flex wrap gap={4} style={{ marginTop: 6 }}>
              {categories
                .filter((c) => r.byCategory[c])
                .map((c) => (
                  <Tag key={c} style={{ marginInlineEnd: 0 }}>
                    {labels.category(c)} {r.byCategory[c]}
                  </Tag>
                ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    );

  const count = (key: 'total' | 'closed' | 'open' | 'overdue') => (n: number, r: MatrixRow) =>
    r === totals || n === 0 ? (
      <span style={num}>{n}</span>
    ) : (
      <Link to={ledgerLink(r, key === 'overdue' ? '&overdue=1' : key === 'closed' ? '&status=closed' : '')} style={num}>
        {n}
      </Link>
    );
  const columns: TableColumnsType<MatrixRow> = [
    { title: t('problems.village'), dataIndex: 'name', fixed: 'left', width: 90 },
    { title: t('problems.meeting.total'), dataIndex: 'total', align: 'right', width: 80, render: count('total') },
    { title: t('problems.meeting.closed'), dataIndex: 'closed', align: 'right', width: 80, render: count('closed') },
    { title: t('problems.meeting.open'), dataIndex: 'open', align: 'right', width: 80, render: count('open') },
    {
      title: t('problems.meeting.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      width: 70,
      render: (n: number, r) => (n ? <Typography.Text type="danger">{count('overdue')(n, r)}</Typography.Text> : n),
    },
    ...categories.map((c) => ({
      title: labels.category(c),
      key: c,
      align: 'right' as const,
      width: 90,
      render: (_: unknown, r: MatrixRow) => <span style={num}>{r.byCategory[c] ?? 0}</span>,
    })),
  ];
  const totalCells = [
    totals.name,
    totals.total,
    totals.closed,
    totals.open,
    totals.overdue,
    ...categories.map((c) => totals.byCategory[c] ?? 0),
  ];
  return (
    <Table<MatrixRow>
      rowKey={(r) => r.villageId ?? r.name}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      bordered
      data-testid="matrix-table"
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            {columns.map((c, i) => (
              <Table.Summary.Cell key={String(c.key ?? i)} index={i} align={i === 0 ? 'left' : 'right'}>
                <Typography.Text strong style={num}>
                  {totalCells[i]}
                </Typography.Text>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
