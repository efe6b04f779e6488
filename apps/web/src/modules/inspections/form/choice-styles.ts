/** A chosen 达标/确认 in green and 不达标/重开 in red (the theme's own red would make both look like failures). */
export const CHOSEN = {
  good: { background: '#389e0d', borderColor: '#389e0d', color: '#fff' },
  bad: { background: '#cf1322', borderColor: '#cf1322', color: '#fff' },
} as const;
