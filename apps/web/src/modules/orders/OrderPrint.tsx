/**
 * A supervision order laid out as the paper 督办整改单: title with its number, the deadline and the
 * persons answerable, the problems, and the signature lines. Printing hides the app around it.
 */
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../problems/api';
import { useProblemLabels } from '../problems/labels';
import type { Order } from './api';

const cell: CSSProperties = { border: '1px solid #595959', padding: '4px 6px', verticalAlign: 'top', wordBreak: 'break-word' };
const head: CSSProperties = { ...cell, background: '#fafafa', fontWeight: 600, whiteSpace: 'nowrap' };

export const ORDER_PRINT_CSS = `
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { background: #fff !important; }
  .ant-layout-header, .ant-layout-sider, .ant-message, [data-print-hide] { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .order-print { font-size: 11pt; max-width: none !important; box-shadow: none !important; padding: 0 !important; border: none !important; }
  .order-print table { page-break-inside: auto; }
  .order-print tr { page-break-inside: avoid; }
}`;

interface Props {
  order: Order;
  problems: Problem[];
  townshipName: string;
  siteName: (id: string | null) => string | null;
  /** a phone: the problems one under another instead of an eight-column table */
  compact: boolean;
}

export function OrderPrint({ order, problems, townshipName, siteName, compact }: Props) {
  const { t } = useTranslation();
  const labels = useProblemLabels();
  const place = (p: Problem) => p.headName ?? siteName(p.siteId) ?? '—';
  const village = (p: Problem) => p.villageName ?? t('problems.township');
  const status = (p: Problem) => `${labels.status(p.status)}${p.overdue ? `（${t('problems.overdue')}）` : ''}`;
  const cols: Record<string, string> = {
    no: t('orders.col.no'),
    village: t('orders.col.village'),
    place: t('orders.col.place'),
    category: t('orders.col.category'),
    description: t('orders.col.description'),
    measures: t('orders.col.measures'),
    deadline: t('orders.col.deadline'),
    status: t('orders.col.status'),
  };
  return (
    <div
      className="order-print"
      style={{ background: '#fff', maxWidth: 1040, margin: '0 auto', padding: compact ? 12 : 28, border: '1px solid #f0f0f0' }}
      data-testid="order-print"
    >
      <h1 style={{ textAlign: 'center', fontSize: compact ? 20 : 24, letterSpacing: 4, margin: '0 0 4px' }}>
        {t('orders.printTitle')}
      </h1>
      <div style={{ textAlign: 'center', marginBottom: 12 }} data-testid="order-number">
        {order.number}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
        <span>{t('orders.printUnit', { unit: townshipName })}</span>
        <span>{t('orders.printIssued', { date: dayjs(order.issuedAt).format('YYYY-MM-DD') })}</span>
      </div>
      <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 12 }}>
        <tbody>
          <tr>
            <th style={{ ...head, width: compact ? '30%' : '14%' }}>{t('orders.titleField')}</th>
            <td style={cell} colSpan={compact ? 1 : 3}>
              {order.title}
            </td>
          </tr>
          <tr>
            <th style={head}>{t('orders.printDeadline')}</th>
            <td style={cell} data-testid="order-deadline-cell">
              {order.deadline}
            </td>
            {compact ? null : (
              <>
                <th style={{ ...head, width: '14%' }}>{t('orders.printResponsible')}</th>
                <td style={cell}>{order.responsible.map((r) => r.name).join('、')}</td>
              </>
            )}
          </tr>
          {compact ? (
            <tr>
              <th style={head}>{t('orders.printResponsible')}</th>
              <td style={cell}>{order.responsible.map((r) => r.name).join('、')}</td>
            </tr>
          ) : null}
          <tr>
            <th style={head}>{t('orders.printRequirement')}</th>
            <td style={cell} colSpan={compact ? 1 : 3}>
              {order.note ?? '—'}
            </td>
          </tr>
          <tr>
            <th style={head}>{t('orders.printStatus')}</th>
            <td style={cell} colSpan={compact ? 1 : 3}>
              {labels.orderStatus(order.status)}（{order.closed}/{order.problems}）
            </td>
          </tr>
        </tbody>
      </table>
      <h3 style={{ fontSize: 15, margin: '12px 0 6px' }}>{t('orders.printProblems', { count: problems.length })}</h3>
      {compact ? (
        problems.map((p, i) => (
          <div key={p.id} style={{ ...cell, marginBottom: 6 }} data-testid="order-problem">
            <strong>
              {i + 1}. {village(p)} · {place(p)}
            </strong>
            <div>{p.description}</div>
            <div style={{ color: '#595959' }}>
              {labels.category(p.category)} · {cols.deadline} {p.deadline ?? '—'} · {status(p)}
            </div>
          </div>
        ))
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              {['no', 'village', 'place', 'category', 'description', 'measures', 'deadline', 'status'].map((k) => (
                <th key={k} style={head}>
                  {cols[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={p.id} data-testid="order-problem">
                <td style={cell}>{i + 1}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{village(p)}</td>
                <td style={{ ...cell, minWidth: 90 }}>{place(p)}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{labels.category(p.category)}</td>
                <td style={{ ...cell, minWidth: 220 }}>{p.description}</td>
                <td style={{ ...cell, minWidth: 140 }}>{p.measures ?? ''}</td>
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{p.deadline ?? ''}</td>
                <td style={cell}>{status(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div
        style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 16, marginTop: 36 }}
        data-testid="order-signatures"
      >
        {[t('orders.printSignIssuer'), t('orders.printSignResponsible'), t('orders.printSignDate')].map((s) => (
          <span key={s} style={{ minWidth: 200 }}>
            {s}
            <span style={{ display: 'inline-block', width: 110, borderBottom: '1px solid #000' }} />
          </span>
        ))}
      </div>
    </div>
  );
}
