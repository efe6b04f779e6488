import { SaveOutlined } from '@ant-design/icons';
import { COMPETITION_PARTS, type CompetitionPart } from '@fupin/domain';
import { Alert, App, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useReportError } from '../../../api/use-report-error';
import { type RoundDetail, type RoundVillage, useAssign } from '../api';
import { useCompetitionLabels } from '../labels';
import { useJudges } from '../work-api';
import { assignmentsOf, cell, type Grid, gridOf } from './assignments';

/**
 * 评分分工: which judges score which part of which village, the whole list saved at once. A part
 * can be given to one judge for every village in one move, then adjusted village by village. A
 * judge's own villages are greyed out in that village's picker and skipped by the bulk move; the
 * server refuses them anyway and names both, and that village's row turns red.
 */
export function AssignmentGrid({ detail, mobile }: { detail: RoundDetail; mobile: boolean }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const { message } = App.useApp();
  const report = useReportError();
  const assign = useAssign(detail.round.id);
  const villages = detail.villages;
  const editable = detail.round.status === 'scoring';
  const judges = useJudges(detail.round.id, detail.viewer.canManage);
  const initial = useMemo(() => gridOf(villages), [villages]);
  const [grid, setGrid] = useState<Grid>(initial);
  const [bulk, setBulk] = useState<Partial<Record<CompetitionPart, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const dirty = JSON.stringify(assignmentsOf(villages, grid)) !== JSON.stringify(assignmentsOf(villages, initial));

  const options = useMemo(() => {
    const known = new Map((judges.data ?? []).map((j) => [j.id, j.name]));
    for (const v of villages)
      for (const p of COMPETITION_PARTS) for (const j of v.judges[p]) if (!known.has(j.id)) known.set(j.id, j.name);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [judges.data, villages]);
  const own = useMemo(() => new Map((judges.data ?? []).map((j) => [j.id, new Set(j.ownVillageIds)])), [judges.data]);
  const isOwn = (judgeId: string, villageId: string) => own.get(judgeId)?.has(villageId) ?? false;
  const optionsFor = (villageId: string) =>
    options.map((o) =>
      isOwn(o.value, villageId) ? { ...o, label: `${o.label}${t('competition.assign.ownTag')}`, disabled: true } : o,
    );

  // A refusal stays up while the office corrects the grid: taking it away at the first change
  // would move every row under the open picker.
  const set = (key: string, ids: string[]) => setGrid((g) => ({ ...g, [key]: ids }));
  const applyAll = (part: CompetitionPart) => {
    const judge = bulk[part];
    if (!judge) return;
    const theirs = villages.filter((v) => !isOwn(judge, v.villageId));
    setGrid((g) => ({ ...g, ...Object.fromEntries(theirs.map((v) => [cell(v.villageId, part), [judge]])) }));
    const skipped = villages.length - theirs.length;
    if (skipped) void message.info(t('competition.assign.skippedOwn', { count: skipped }));
  };
  const save = () =>
    assign.mutate(assignmentsOf(villages, grid), {
      onSuccess: (d) => {
        setRefusal(null);
        setGrid(gridOf(d.villages));
        void message.success(t('competition.assign.saved'));
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code !== 'NETWORK' && e.code !== 'TIMEOUT') setRefusal(e.message);
        report(e);
      },
    });
  const refused = (v: RoundVillage) => refusal?.includes(`「${v.villageName}」`) ?? false;

  const picker = (v: RoundVillage, part: CompetitionPart) => (
    <Select<string[]>
      mode="multiple"
      value={grid[cell(v.villageId, part)] ?? []}
      onChange={(ids) => set(cell(v.villageId, part), ids)}
      options={optionsFor(v.villageId)}
      placeholder={t('competition.assign.unassigned')}
      aria-label={`${v.villageName} ${labels.part(part)}`}
      disabled={!editable}
      style={{ width: '100%', minWidth: 0 }}
      size={mobile ? 'large' : 'middle'}
      data-testid={`assign-${part}`}
    />
  );

  return (
    <Flex vertical gap={12} data-testid="assignments">
      <Typography.Text type="secondary">{t('competition.assign.ownVillageHint')}</Typography.Text>
      {!editable ? <Alert type="info" showIcon title={t('competition.assign.locked')} /> : null}
      {judges.error ? <Alert type="warning" showIcon title={t('competition.assign.fallback')} /> : null}
      {judges.isSuccess && judges.data.length === 0 ? (
        <Alert type="warning" showIcon title={t('competition.assign.noJudges')} />
      ) : null}
      {refusal ? (
        <Alert type="error" showIcon title={t('competition.assign.refused')} description={refusal} data-testid="assign-refusal" />
      ) : null}
      {editable ? (
        <Card size="small" title={t('competition.assign.bulk')} data-testid="assign-bulk">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('competition.assign.bulkHint')}
          </Typography.Paragraph>
          <Flex gap={12} wrap>
            {COMPETITION_PARTS.map((part) => (
              <Flex key={part} gap={6} align="center" style={{ flex: mobile ? '1 1 100%' : '1 1 280px', minWidth: 0 }}>
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>{labels.part(part)}</Typography.Text>
                <Select<string>
                  value={bulk[part]}
                  onChange={(j) => setBulk((b) => ({ ...b, [part]: j }))}
                  options={options}
                  placeholder={t('competition.assign.pickJudge')}
                  style={{ flex: 1, minWidth: 0 }}
                  data-testid={`bulk-${part}`}
                />
                <Button onClick={() => applyAll(part)} disabled={!bulk[part]} data-testid={`bulk-${part}-apply`}>
                  {t('competition.assign.applyAll')}
                </Button>
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
      {mobile ? (
        <Flex vertical gap={8}>
          {villages.map((v) => (
            <Card
              key={v.villageId}
              size="small"
              title={v.villageName}
              style={refused(v) ? { borderColor: '#ff4d4f' } : undefined}
              data-testid="assign-row"
            >
              <Flex vertical gap={8}>
                {COMPETITION_PARTS.map((part) => (
                  <Flex key={part} vertical gap={2}>
                    <Typography.Text type="secondary">{labels.part(part)}</Typography.Text>
                    {picker(v, part)}
                  </Flex>
                ))}
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<RoundVillage>
          rowKey="villageId"
          size="small"
          pagination={false}
          dataSource={villages}
          rowClassName={(v) => (refused(v) ? 'ant-table-row-selected' : '')}
          onRow={(v) => ({ 'data-testid': 'assign-row', 'data-village': v.villageName }) as object}
          columns={[
            { title: t('competition.village'), dataIndex: 'villageName', width: 120 },
            ...COMPETITION_PARTS.map((part) => ({
              title: `${labels.part(part)}（${detail.rubric[part].max}）`,
              key: part,
              render: (_: unknown, v: RoundVillage) => picker(v, part),
            })),
          ]}
          data-testid="assign-table"
        />
      )}
      {editable ? (
        <Flex gap={8} align="center" wrap>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            onClick={save}
            loading={assign.isPending}
            size="large"
            data-testid="assign-save"
          >
            {t('competition.assign.save')}
          </Button>
          {dirty ? <Typography.Text type="warning">{t('competition.assign.dirty')}</Typography.Text> : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
