/**
 * Language of the UI: Chinese unless the reader chose English. The choice persists in
 * localStorage and rides on every API request (`x-fupin-lang`), so the server's messages
 * arrive in the same language as the screen around them.
 */
import { type Lang, translate } from '@fupin/domain';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANG_STORAGE_KEY = 'fupin.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

const initial = storedLang();
applyLang(initial);
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
});
i18n.on('languageChanged', (lng) => applyLang(lng === 'en' ? 'en' : 'zh-CN'));

export { i18n };

/** The current UI language (outside React: for the API client). */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Switches the UI language and remembers the choice on this device. */
export function changeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this visit only
  }
  void i18n.changeLanguage(lang);
}

/** The current language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'zh-CN';
}

/**
 * A label looked up by a key built at run time (an action code from the server, say), or the
 * fallback when the catalogue has no such key: unknown codes show as they are.
 */
export function useDynamicLabel(): (key: string, fallback: string) => string {
  const { t, i18n: instance } = useTranslation();
  return useCallback(
    // The typed `t` accepts only literal keys; these keys are checked with `exists` first.
    (key: string, fallback: string) => (instance.exists(key) ? (t as (k: string) => string)(key) : fallback),
    [t, instance],
  );
}

/** Labels of roles, sectors and unit kinds, from the catalogue shared with the server. */
export function useDomainLabels() {
  const lang = useLang();
  return {
    lang,
    role: (role: string) => translate(lang, `role.${role}`),
    sector: (sector: string) => translate(lang, `sector.${sector}`),
    kind: (kind: string) => translate(lang, `kind.${kind}`),
    field: (name: string) => translate(lang, `field.${name}`),
  };
}
