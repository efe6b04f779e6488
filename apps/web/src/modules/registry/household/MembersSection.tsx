import {
  EMPLOYMENTS,
  HEALTH_STATUSES,
  LABOUR_CAPACITIES,
  MEMBER_STATUSES,
  RELATIONS,
  SCHOOLING_STAGES,
  SEXES,
} from '@fupin/domain';
import type { Member } from '@fupin/domain/schemas/households';
import { Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegistryLabels } from '../labels';

const mono = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Medical, serious-illness and pension insurance: green when insured, struck through when not. */
function InsuranceTags({ m }: { m: Member }) {
  const { t } = useTranslation();
  const items = [
    [m.medicalInsurance, t('registry.member.medical')],
    [m.seriousIllnessInsurance, t('registry.member.serious')],
    [m.pensionInsurance, t('registry.member.pension')],
  ] as const;
  const known = items.filter(([v]) => v !== null);
  if (known.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {known.map(([v, label]) => (
        <Tag
          key={label}
          color={v ? 'green' : 'default'}
          style={{ marginInlineEnd: 0, textDecoration: v ? undefined : 'line-through' }}
        >
          {label}
        </Tag>
      ))}
    </Flex>
  );
}

function useMemberText() {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  return {
    age: (m: Member) => (m.age === null ? '—' : t('registry.member.ageValue', { age: m.age })),
    health: (m: Member) =>
      [
        labels.code(HEALTH_STATUSES, m.health),
        m.disabilityGrade ? t('registry.member.disability', { grade: m.disabilityGrade }) : '',
      ]
        .filter(Boolean)
        .join(' ') || '—',
    status: (m: Member) =>
      m.status === 'current'
        ? labels.code(MEMBER_STATUSES, m.status)
        : m.statusDate
          ? t('registry.member.left', { status: labels.code(MEMBER_STATUSES, m.status), date: m.statusDate })
          : labels.code(MEMBER_STATUSES, m.status),
  };
}

function MemberCard({ m }: { m: Member }) {
  const labels = useRegistryLabels();
  const text = useMemberText();
  const gone = m.status !== 'current';
  const facts = [
    labels.code(LABOUR_CAPACITIES, m.labourCapacity),
    text.health(m),
    labels.code(SCHOOLING_STAGES, m.schoolingStage),
    labels.code(EMPLOYMENTS, m.employment),
  ].filter((x) => x && x !== '—');
  return (
    <Card size="small" styles={{ body: { padding: 12 } }} style={{ opacity: gone ? 0.65 : 1 }} data-testid="member-card">
      <Flex vertical gap={4}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong>
            {m.name} <Typography.Text type="secondary">{labels.code(RELATIONS, m.relation)}</Typography.Text>
          </Typography.Text>
          <Tag color={gone ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {text.status(m)}
          </Tag>
        </Flex>
        <Typography.Text>
          {labels.code(SEXES, m.sex)} · {text.age(m)}
          {m.idNumber ? (
            <>
              {' · '}
              <span style={mono}>{m.idNumber}</span>
            </>
          ) : null}
        </Typography.Text>
        {facts.length ? <Typography.Text type="secondary">{facts.join(' · ')}</Typography.Text> : null}
        <InsuranceTags m={m} />
      </Flex>
    </Card>
  );
}

/** 家庭成员: a table on a desk, a card per member on a phone; who left stays, greyed. */
export function MembersSection({ members, compact }: { members: Member[]; compact: boolean }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const text = useMemberText();
  const f = (name: string) => labels.field(`members.${name}`);
  if (members.length === 0) return <Empty description={t('registry.member.noMembers')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  if (compact) {
    return (
      <Flex vertical gap={8} data-testid="members">
        {members.map((m) => (
          <MemberCard key={m.id} m={m} />
        ))}
      </Flex>
    );
  }
  const columns: TableColumnsType<Member> = [
    { title: f('name'), dataIndex: 'name', fixed: 'left', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    { title: f('relation'), dataIndex: 'relation', render: (v: string) => labels.code(RELATIONS, v) },
    { title: f('sex'), dataIndex: 'sex', render: (v: string) => labels.code(SEXES, v) },
    { title: t('registry.member.age'), key: 'age', render: (_, m) => text.age(m) },
    { title: f('idNumber'), dataIndex: 'idNumber', render: (v: string | null) => <span style={mono}>{v ?? '—'}</span> },
    {
      title: f('labourCapacity'),
      dataIndex: 'labourCapacity',
      render: (v: string | null) => labels.code(LABOUR_CAPACITIES, v) || '—',
    },
    { title: f('health'), key: 'health', render: (_, m) => text.health(m) },
    {
      title: f('schoolingStage'),
      dataIndex: 'schoolingStage',
      render: (v: string | null) => labels.code(SCHOOLING_STAGES, v) || '—',
    },
    { title: f('employment'), dataIndex: 'employment', render: (v: string | null) => labels.code(EMPLOYMENTS, v) || '—' },
    { title: t('registry.member.insurance'), key: 'insurance', render: (_, m) => <InsuranceTags m={m} /> },
    {
      title: f('status'),
      key: 'status',
      render: (_, m) => <Tag color={m.status === 'current' ? 'blue' : 'default'}>{text.status(m)}</Tag>,
    },
  ];
  return (
    <div data-testid="members">
      <Table<Member>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={members}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(m) => ({ style: m.status === 'current' ? {} : { opacity: 0.6 } })}
      />
    </div>
  );
}
