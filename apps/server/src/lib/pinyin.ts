/**
 * The search key of a Chinese name: initials, a space, the full pinyin, e.g. 张三 → "zs zhangsan",
 * so typing `zs` or `zhangs` finds the person. Surname readings (曾 zeng, 单 shan) are used.
 */
import { pinyin } from 'pinyin-pro';

/** The pinyin search key of a name. */
export function pinyinKey(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return `${syllables.map((s) => s[0]).join('')} ${syllables.join('')}`;
}
