/**
 * A submitted visit laid out like the paper 入户走访排查表: plain bordered tables that print on A4
 * (the app's header and menu are hidden when printing).
 */
import { ASSISTANCE_MEASURES, GUARANTEES, type GuaranteeCode, type VisitForm } from '@fupin/domain';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import type { VisitRecord } from '../api';
import { useVisitLabels } from '../labels';

const cell: CSSProperties = { border: '1px solid #595959', padding: '4px 6px', verticalAlign: 'top', wordBreak: 'break-word' };
const head: CSSProperties = { ...cell, background: '#fafafa', fontWeight: 600, whiteSpace: 'nowrap' };

export const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 12mm; }
  body { background: #fff !important; }
  .ant-layout-header, .ant-layout-sider, [data-print-hide] { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .visit-print { font-size: 11pt; max-width: none !important; box-shadow: none !important; padding: 0 !important; }
  .visit-print table { page-break-inside: auto; }
  .visit-print tr { page-break-inside: avoid; }
}`;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h3 style={{ fontSize: 15, margin: '14px 0 6px' }}>{title}</h3>
      {children}
    </>
  );
}

function Grid({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th style={{ ...head, width: '32%' }}>{k}</th>
            <td style={cell}>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Table({ headers, rows }: { headers: string[]; rows: ReactNode[][] }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} style={head}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed printout
          <tr key={i}>
            {r.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed printout
              <td key={j} style={cell}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VisitPrint({ record }: { record: VisitRecord }) {
  const { t } = useTranslation();
  const l = useVisitLabels();
  const f = record.form as VisitForm;
  const h = record.household;
  const yn = (v: boolean | null | undefined) => (v === null || v === undefined ? '—' : v ? t('common.yes') : t('common.no'));
  const computed = (record.computed ?? {}) as {
    income?: { total: number; perCapita: number | null };
    flags?: { ruleId: string; explanation: { zh: string; en: string } }[];
  };
  const memberName = (id: string | null) => f.members.find((m) => m.memberId === id)?.name ?? '';
  return (
    <div
      className="visit-print"
      style={{ background: '#fff', padding: 16, maxWidth: 820, margin: '0 auto' }}
      data-testid="visit-print"
    >
      <h2 style={{ textAlign: 'center', fontSize: 20, margin: '4px 0 12px' }}>
        {t('visits.record.title')}（{t(`visits.formTypes.${record.formType}`)}）
      </h2>
      <Grid
        rows={[
          [t('visits.record.household'), `${h.headName}（${h.householdNumber ?? '—'}）`],
          [t('visits.record.place'), [h.villageName, h.groupName].filter(Boolean).join(' ')],
          [t('visits.record.formType'), t(`visits.formTypeNames.${record.formType}`)],
          [t('visits.record.visitor'), record.visitorName],
          [
            t('visits.form.visitedAt'),
            `${formatDateTime(record.visitedAt)}（${t('visits.record.receivedAt')} ${formatDateTime(record.receivedAt)}）`,
          ],
          [
            t('visits.record.position'),
            f.position ? `${f.position.latitude.toFixed(5)}, ${f.position.longitude.toFixed(5)}` : t('visits.record.noPosition'),
          ],
        ]}
      />
      <Section title={t('visits.form.stepTitles.look')}>
        <Grid
          rows={[
            [l.field('housingStructure'), l.value('housingStructure', f.housing.structure)],
            [l.field('housingGrade'), l.value('housingGrade', f.housing.grade)],
            [l.field('otherSafeHouse'), yn(f.housing.otherSafeHouse)],
            [t('visits.form.housingNote'), f.housing.note ?? '—'],
          ]}
        />
      </Section>
      <Section title={t('visits.form.stepTitles.check')}>
        <Table
          headers={[
            t('visits.form.memberName'),
            t('visits.record.memberList'),
            t('visits.form.memberDate'),
            t('visits.form.memberNote'),
          ]}
          rows={f.members.map((m) => [m.name, l.check(m.check), m.date ?? '', [m.idNumber, m.note].filter(Boolean).join(' ')])}
        />
        <div style={{ height: 6 }} />
        <Grid
          rows={[
            [t('visits.form.archiveMatches'), `${yn(f.archiveMatches)}${f.archiveNote ? `：${f.archiveNote}` : ''}`],
            [t('visits.form.assistancePrecise'), yn(f.assistancePrecise)],
            [t('visits.form.exitPrecise'), yn(f.exitPrecise)],
          ]}
        />
        {f.observations.length ? (
          <>
            <h4 style={{ margin: '8px 0 4px' }}>{t('visits.record.observedFields')}</h4>
            <Table
              headers={[t('visits.record.item'), t('visits.review.registry'), t('visits.review.observed')]}
              rows={f.observations.map((o) => [
                [memberName(o.memberId), l.field(o.field)].filter(Boolean).join(' · '),
                l.value(o.field, o.registryValue),
                l.value(o.field, o.observedValue),
              ])}
            />
          </>
        ) : null}
      </Section>
      <Section title={t('visits.form.stepTitles.calc')}>
        <Grid
          rows={[
            ...(['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome'] as const).map((k): [string, ReactNode] => [
              l.field(k),
              l.yuan(f.income[k]),
            ]),
            [t('visits.form.perCapita'), l.yuan(computed.income?.perCapita ?? null)],
            [
              t('visits.record.computed'),
              (computed.flags ?? []).map((x) => `${x.ruleId} ${l.pick(x.explanation)}`).join('；') || '—',
            ],
          ]}
        />
      </Section>
      <Section title={t('visits.form.stepTitles.listen')}>
        <Table
          headers={[
            t('visits.record.guaranteeState'),
            t('visits.form.secured'),
            t('visits.form.problem'),
            t('visits.form.solvedOnSite'),
          ]}
          rows={(GUARANTEES.codes as GuaranteeCode[]).map((c) => {
            const g = f.guarantees[c];
            const water =
              c === 'water'
                ? (['quantity', 'quality', 'convenience', 'reliability'] as const)
                    .map(
                      (w) =>
                        `${t(`visits.form.waterIndicators.${w}`)}${f.guarantees.water[w] ? t('visits.form.ok') : t('visits.form.notOk')}`,
                    )
                    .join(' ')
                : '';
            return [
              l.code(GUARANTEES, c),
              yn(g.secured),
              [water, g.problem].filter(Boolean).join('；'),
              g.secured ? '' : yn(g.solvedOnSite),
            ];
          })}
        />
        <div style={{ height: 6 }} />
        <Grid
          rows={[
            [t('visits.form.unsold'), `${yn(f.unsoldProduce.has)} ${f.unsoldProduce.description ?? ''}`],
            [
              t('visits.form.hasIndustry'),
              `${yn(f.industry.has)}；${l.field('industryFailed')}：${yn(f.industry.failed)} ${f.industry.description ?? ''}`,
            ],
            [l.field('employmentUnstable'), `${yn(f.employment.unstable)} ${f.employment.description ?? ''}`],
          ]}
        />
      </Section>
      <Section title={t('visits.form.stepTitles.talk')}>
        <Table
          headers={[t('visits.form.policies'), t('visits.record.policyState'), t('visits.form.policyNote')]}
          rows={f.policies.map((p) => [
            l.policy(p.code),
            `${yn(p.due)} / ${yn(p.enjoyed)}`,
            [p.note, p.solvedOnSite ? t('visits.form.solvedOnSite') : ''].filter(Boolean).join(' '),
          ])}
        />
        <div style={{ height: 6 }} />
        <Grid
          rows={[
            [
              t('visits.form.shock'),
              `${yn(f.shock.affected)} ${[f.shock.industryImpact, f.shock.employmentImpact].filter(Boolean).join('；')}`,
            ],
            [t('visits.form.returnRisk'), `${yn(f.returnRisk.atRisk)} ${f.returnRisk.note ?? ''}`],
            [
              t('visits.record.planList'),
              f.assistancePlan.map((p) => `${l.code(ASSISTANCE_MEASURES, p.measure)}：${p.description}`).join('；') || '—',
            ],
            [t('visits.form.propose'), f.proposeTags.map((x) => l.tag(x, undefined)).join('、') || '—'],
            [t('visits.form.note'), f.note ?? '—'],
          ]}
        />
      </Section>
      <div style={{ marginTop: 28, display: 'flex', flexWrap: 'wrap', gap: '12px 48px' }}>
        {t('visits.record.signatures')
          .split('|')
          .map((s) => (
            <span key={s}>{s}</span>
          ))}
      </div>
    </div>
  );
}
