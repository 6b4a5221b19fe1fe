import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN';
import en from './en';
import type { Locale } from '../app/format';

const LANGUAGE_KEY = 'ecoplan.language';

/** Chinese unless this browser chose English before. */
export function initialLocale(storage: Pick<Storage, 'getItem'> = localStorage): Locale {
  return storage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function switchLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(LANGUAGE_KEY, locale);
  document.documentElement.lang = locale;
}
