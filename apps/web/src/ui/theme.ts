/** The look: Ant Design's default theme with a deep government red, and a Chinese font stack. */
import type { ThemeConfig } from 'antd';

export const PRIMARY = '#a8071a';
export const FONT_FAMILY = '-apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** On a phone every control is at least 40 px tall, so a thumb can hit it. */
export function themeFor(mobile: boolean): ThemeConfig {
  return {
    token: { colorPrimary: PRIMARY, colorLink: PRIMARY, fontFamily: FONT_FAMILY, borderRadius: 6 },
    components: {
      Layout: { headerBg: PRIMARY, headerHeight: mobile ? 52 : 56, headerPadding: mobile ? '0 8px' : '0 20px', siderBg: '#fff' },
      Tree: mobile ? { titleHeight: 40 } : {},
      Menu: { itemHeight: 44 },
      Pagination: mobile ? { itemSize: 40 } : {},
    },
  };
}
