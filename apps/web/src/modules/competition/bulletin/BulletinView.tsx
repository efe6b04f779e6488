/**
 * The 通报 laid out for paper: the title 「XX镇YYYY年M月脱贫攻坚“大比武”排名通报」, the ranking with
 * the three parts, total and money (shared ranks marked 并列), the totals of rewards and
 * deductions, the publicity period, the objections and their answers, and the signature lines.
 * Printing hides the app around it.
 */
import { COMPETITION_PARTS } from '@fupin/domain';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import type { Bulletin, RankingRow } from '../api';
import { useCompetitionLabels, yuanText } from '../labels';

const cell: CSSProperties = { border: '1px solid #595959', padding: '5px 8px', textAlign: 'center', wordBreak: 'break-word' };
const head: CSSProperties = { ...cell, background: '#fafafa', fontWeight: 600 };
const num: CSSProperties = { ...cell, fontVariantNumeric: 'tabular-nums' };
const moneyColor = (r: RankingRow) => (r.moneyFen > 0 ? '#237804' : r.moneyFen < 0 ? '#a8071a' : undefined);
const money = (r: RankingRow): CSSProperties => ({ ...num, color: moneyColor(r) });

export const BULLETIN_PRINT_CSS = `
@media print {
  @page { size: A4 portrait; margin: 14mm; }
  body { background: #fff !important; }
  .ant-layout-header, .ant-layout-sider, .ant-message, [data-print-hide] { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .bulletin { font-size: 11pt; max-width: none !important; box-shadow: none !important; padding: 0 !important; border: none !important; }
  .bulletin table { page-break-inside: auto; }
  .bulletin tr { page-break-inside: avoid; }
}`;

export function BulletinView({ b, compact }: { b: Bulletin; compact: boolean }) {
  const { t } = useTranslation();
  const labels = useCompetitionLabels();
  const remark = (r: RankingRow) => (r.tied ? t('competition.bulletin.tied', { rank: r.rank }) : '');
  return (
    <div
      className="bulletin"
      style={{ background: '#fff', maxWidth: 960, margin: '0 auto', padding: compact ? 12 : 32, border: '1px solid #f0f0f0' }}
      data-testid="bulletin"
    >
      <h1
        style={{ textAlign: 'center', fontSize: compact ? 18 : 24, lineHeight: 1.4, margin: '0 0 8px' }}
        data-testid="bulletin-title"
      >
        {b.title}
      </h1>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginBottom: 10 }}>
        <span>{t('competition.bulletin.meta', { township: b.townshipName, status: labels.status(b.status) })}</span>
        {b.publishedOn ? <span>{t('competition.bulletin.publishedOn', { date: b.publishedOn })}</span> : null}
      </div>
      {compact ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {b.rows.map((r) => (
            <div key={r.villageId} style={{ ...cell, textAlign: 'left' }} data-testid="bulletin-row" data-village={r.villageName}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <strong>
                  {t('competition.bulletin.rank')} {r.rank}
                  {r.tied ? `（${t('competition.bulletin.tiedTag')}）` : ''} · {r.villageName}
                </strong>
                <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{r.total.toFixed(2)}</strong>
              </div>
              <div style={{ color: '#595959', fontVariantNumeric: 'tabular-nums' }}>
                {COMPETITION_PARTS.map((p) => `${labels.part(p)} ${r[p].toFixed(2)}`).join(' · ')}
              </div>
              <div style={{ color: moneyColor(r), fontVariantNumeric: 'tabular-nums' }}>
                {t('competition.bulletin.money')} {r.moneyText}
              </div>
            </div>
          ))}
          <div style={{ ...cell, textAlign: 'left', fontVariantNumeric: 'tabular-nums' }}>
            {t('competition.bulletin.rewards')} <span data-testid="rewards-total">{yuanText(b.totals.rewardsFen)}</span> ·{' '}
            {t('competition.bulletin.deductions')} <span data-testid="deductions-total">{yuanText(b.totals.deductionsFen)}</span>
          </div>
        </div>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="bulletin-table">
          <thead>
            <tr>
              <th style={head}>{t('competition.bulletin.rank')}</th>
              <th style={head}>{t('competition.bulletin.village')}</th>
              {COMPETITION_PARTS.map((p) => (
                <th key={p} style={head}>
                  {t('competition.bulletin.part', { part: labels.part(p), max: b.maxima[p] })}
                </th>
              ))}
              <th style={head}>{t('competition.bulletin.total')}</th>
              <th style={head}>{t('competition.bulletin.money')}</th>
              <th style={head}>{t('competition.bulletin.remark')}</th>
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r) => (
              <tr key={r.villageId} data-testid="bulletin-row" data-village={r.villageName}>
                <td style={num}>{r.rank}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{r.villageName}</td>
                {COMPETITION_PARTS.map((p) => (
                  <td key={p} style={num}>
                    {r[p].toFixed(2)}
                  </td>
                ))}
                <td style={{ ...num, fontWeight: 600 }}>{r.total.toFixed(2)}</td>
                <td style={money(r)}>{r.moneyText}</td>
                <td style={cell}>{remark(r)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td style={head} colSpan={6}>
                {t('competition.bulletin.rewards')}
              </td>
              <td style={num} data-testid="rewards-total">
                {yuanText(b.totals.rewardsFen)}
              </td>
              <td style={cell} />
            </tr>
            <tr>
              <td style={head} colSpan={6}>
                {t('competition.bulletin.deductions')}
              </td>
              <td style={num} data-testid="deductions-total">
                {yuanText(b.totals.deductionsFen)}
              </td>
              <td style={cell} />
            </tr>
          </tfoot>
        </table>
      )}
      {b.publicity ? (
        <p style={{ margin: '12px 0 4px' }} data-testid="bulletin-publicity">
          {t('competition.bulletin.publicity', b.publicity)}
        </p>
      ) : null}
      <h3 style={{ fontSize: 15, margin: '12px 0 6px' }}>{t('competition.bulletin.objections')}</h3>
      {b.objections.length === 0 ? (
        <p style={{ color: '#595959', margin: 0 }}>{t('competition.bulletin.noObjections')}</p>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 22 }} data-testid="bulletin-objections">
          {b.objections.map((o) => (
            <li key={o.id} style={{ marginBottom: 6 }}>
              <strong>{o.villageName}</strong>（{formatDateTime(o.raisedAt)}）：{o.text}
              <div style={{ color: '#595959' }}>
                {o.status === 'answered'
                  ? `${labels.outcome(o.outcome ?? '')}：${o.answer ?? ''}`
                  : labels.objectionStatus(o.status)}
              </div>
            </li>
          ))}
        </ol>
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 16, marginTop: 36 }}>
        {[t('competition.bulletin.signOffice'), t('competition.bulletin.signReviewer'), t('competition.bulletin.signDate')].map(
          (s) => (
            <span key={s} style={{ minWidth: 200 }}>
              {s}
              <span style={{ display: 'inline-block', width: 100, borderBottom: '1px solid #000' }} />
            </span>
          ),
        )}
      </div>
    </div>
  );
}
