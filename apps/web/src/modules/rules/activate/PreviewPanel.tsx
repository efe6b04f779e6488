import { Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../../i18n';
import type { ImpactHousehold, Preview, RuleImpact } from '../model';

const number = { fontVariantNumeric: 'tabular-nums' } as const;

function Change({ n, sign }: { n: number; sign: '+' | '−' }) {
  if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Typography.Text strong style={{ ...number, color: sign === '+' ? '#389e0d' : '#cf1322' }}>
      {sign}
      {n}
    </Typography.Text>
  );
}

/** The households that gain or lose a flag, each a link to its page (the server lists the first 200). */
function HouseholdLinks({ title, items, total }: { title: string; items: ImpactHousehold[]; total: number }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      {items.length < total ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t('rules.preview.capped', { shown: items.length, total })}
        </Typography.Text>
      ) : null}
      <Flex wrap gap={4} style={{ marginTop: 4 }}>
        {items.map((h) => (
          <Link key={h.id} to={`/registry/${h.id}`} data-testid="impact-household">
            <Tag style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
              {h.headName || t('rules.preview.noHead')}
              {h.householdNumber ? <span style={{ color: '#8c8c8c', ...number }}> {h.householdNumber.slice(-6)}</span> : null}
            </Tag>
          </Link>
        ))}
      </Flex>
    </div>
  );
}

function Households({ r }: { r: RuleImpact }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid={`impact-households-${r.ruleId}`}>
      <HouseholdLinks title={t('rules.preview.gainedList', { count: r.gainedTotal })} items={r.gained} total={r.gainedTotal} />
      <HouseholdLinks title={t('rules.preview.lostList', { count: r.lostTotal })} items={r.lost} total={r.lostTotal} />
    </Flex>
  );
}

const changed = (r: RuleImpact) => r.gainedTotal + r.lostTotal > 0;

/** 影响预览: per rule, how many households hold the flag now and after, who gains and who loses it. */
export function PreviewPanel({ preview, compact }: { preview: Preview; compact: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = (r: RuleImpact) => (lang === 'en' ? r.name.en : r.name.zh);
  const head = <Typography.Text type="secondary">{t('rules.preview.households', { count: preview.households })}</Typography.Text>;
  if (preview.rules.length === 0) return <Empty />;

  if (compact) {
    return (
      <Flex vertical gap={8} data-testid="preview">
        {head}
        {preview.rules.map((r) => (
          <Card key={r.ruleId} size="small" styles={{ body: { padding: 12 } }} data-testid={`impact-${r.ruleId}`}>
            <Flex vertical gap={6}>
              <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                <Tag style={{ fontWeight: 600 }}>{r.ruleId}</Tag>
                {name(r)}
              </Typography.Text>
              <Flex gap={16} wrap style={number}>
                <span>
                  {t('rules.preview.before')} {r.before}
                </span>
                <span>
                  {t('rules.preview.after')} <strong>{r.after}</strong>
                </span>
                <Change n={r.gainedTotal} sign="+" />
                <Change n={r.lostTotal} sign="−" />
              </Flex>
              {changed(r) ? <Households r={r} /> : null}
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableColumnsType<RuleImpact> = [
    {
      title: t('rules.preview.rule'),
      key: 'rule',
      render: (_, r) => (
        <span>
          <Tag style={{ fontWeight: 600 }}>{r.ruleId}</Tag>
          {name(r)}
        </span>
      ),
    },
    {
      title: t('rules.preview.before'),
      dataIndex: 'before',
      align: 'right',
      render: (n: number) => <span style={number}>{n}</span>,
    },
    {
      title: t('rules.preview.after'),
      dataIndex: 'after',
      align: 'right',
      render: (n: number) => <strong style={number}>{n}</strong>,
    },
    {
      title: t('rules.preview.gained'),
      dataIndex: 'gainedTotal',
      align: 'right',
      render: (n: number) => <Change n={n} sign="+" />,
    },
    { title: t('rules.preview.lost'), dataIndex: 'lostTotal', align: 'right', render: (n: number) => <Change n={n} sign="−" /> },
  ];
  return (
    <Flex vertical gap={8} data-testid="preview">
      {head}
      <Table<RuleImpact>
        rowKey="ruleId"
        size="small"
        columns={columns}
        dataSource={preview.rules}
        pagination={false}
        expandable={{ expandedRowRender: (r) => <Households r={r} />, rowExpandable: changed }}
        onRow={(r) => ({ 'data-testid': `impact-${r.ruleId}` }) as HTMLAttributes<HTMLElement>}
      />
    </Flex>
  );
}
