import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLang, useLang } from '../i18n';

/** 中文 / English: shows the language it switches to, on the dark header or the login page. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const lang = useLang();
  const { t } = useTranslation();
  const target = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => changeLang(target)}
      aria-label={t('nav.switchTo')}
      lang={target}
      style={{ color: '#fff', minHeight: 40, paddingInline: compact ? 8 : 12 }}
      data-testid="lang-switch"
    >
      {target === 'en' ? (compact ? 'EN' : 'English') : '中文'}
    </Button>
  );
}
