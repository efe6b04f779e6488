/**
 * Explanation templates: text with {expression} or {expression:format} placeholders, e.g.
 * 「转移性收入占比 {transferShare:pct} > {threshold:pct}」 → 「转移性收入占比 46.2% > 40%」.
 * Formats: pct, yuan, num, int; lists are joined with 、.
 */
import { ExpressionError, type Node } from './ast';
import { parseExpression } from './parser';
import type { Value } from './values';

export type TemplatePart = string | { node: Node; format: string | null };

const FORMATS = new Set(['pct', 'yuan', 'num', 'int']);

/** Splits a template into text and expressions ({{ and }} write braces). */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '{' && template[i + 1] === '{') {
      text += '{';
      i++;
      continue;
    }
    if (c === '}' && template[i + 1] === '}') {
      text += '}';
      i++;
      continue;
    }
    if (c !== '{') {
      text += c;
      continue;
    }
    const end = template.indexOf('}', i);
    if (end < 0) throw new ExpressionError('rules.unclosed_brace', i);
    const inner = template.slice(i + 1, end);
    const colon = inner.lastIndexOf(':');
    const format = colon >= 0 && FORMATS.has(inner.slice(colon + 1).trim()) ? inner.slice(colon + 1).trim() : null;
    const source = format ? inner.slice(0, colon) : inner;
    let node: Node;
    try {
      node = parseExpression(source);
    } catch (e) {
      if (e instanceof ExpressionError) throw new ExpressionError(e.key, i + 1 + e.at, e.params);
      throw e;
    }
    if (text) parts.push(text);
    text = '';
    parts.push({ node, format });
    i = end;
  }
  if (text) parts.push(text);
  return parts;
}

/** A number with at most `digits` decimals and no trailing zeros (46.2, 40, 0.25). */
function trimNumber(n: number, digits: number): string {
  const scale = 10 ** digits;
  return String(Math.round(n * scale) / scale);
}

/** Yuan with thousands separators and at most two decimals (4,650 or 4,321.5): faster than toLocaleString by far. */
function yuan(n: number): string {
  const negative = n < 0;
  const cents = Math.round(Math.abs(n) * 100);
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  let digits = String(whole);
  for (let i = digits.length - 3; i > 0; i -= 3) digits = `${digits.slice(0, i)},${digits.slice(i)}`;
  const decimals = fraction === 0 ? '' : fraction % 10 === 0 ? `.${fraction / 10}` : `.${String(fraction).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${digits}${decimals}`;
}

/** Writes one value in a format, in a language. */
export function formatValue(v: Value, format: string | null, lang: 'zh' | 'en'): string {
  if (v === null) return lang === 'zh' ? '无' : 'none';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(lang === 'zh' ? '、' : ', ');
  if (typeof v === 'number') {
    switch (format) {
      case 'pct':
        return `${trimNumber(v * 100, 1)}%`;
      case 'yuan':
        return `${yuan(v)} ${lang === 'zh' ? '元' : 'yuan'}`;
      case 'int':
        return String(Math.round(v));
      default:
        return trimNumber(v, 2);
    }
  }
  return String(v);
}
