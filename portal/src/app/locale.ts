import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from './format';
import { ApiError } from '../api/http';

export function useLocale() {
  const { locale } = useI18n();
  return computed<Locale>(() => (locale.value === 'en' ? 'en' : 'zh-CN'));
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What to tell the user about a failed call, in their language; field errors are listed by the form. */
export function problemText(error: ApiError, t: Translate): string {
  switch (error.status) {
    case 403:
      return t('common.forbidden');
    case 404:
      return t('common.notFound');
    case 409:
    case 412:
      return t('common.conflict');
    default:
      return t('common.failed', { detail: error.detail ?? error.title });
  }
}
