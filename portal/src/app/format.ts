// Numbers always travel with their unit and dates follow the reader's language: 2025年3月1日 in Chinese,
// 1 Mar 2025 in English. The services send decimals as JSON numbers (BigDecimal) and dates as ISO-8601.

export type Locale = 'zh-CN' | 'en';

export const EMPTY = '—';

/** The unit as the reader expects it: 万元 reads "10k CNY" in English; other units (µg/m³, t/a, %) are universal. */
export function unitText(unit: string | null | undefined, locale: Locale): string {
  if (!unit) {
    return '';
  }
  if (locale === 'en' && unit === '万元') {
    return '×10k CNY';
  }
  return unit;
}

/** A number with its unit, e.g. `1,234.5 万元`, `35 µg/m³`, `80 %`; a missing value is a dash, never 0. */
export function formatQuantity(
  value: number | string | null | undefined,
  unit: string | null | undefined,
  locale: Locale,
  maximumFractionDigits = 2,
): string {
  if (value === null || value === undefined || value === '') {
    return EMPTY;
  }
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) {
    return EMPTY;
  }
  const digits = new Intl.NumberFormat(locale, { maximumFractionDigits }).format(number);
  const text = unitText(unit, locale);
  if (text === '') {
    return digits;
  }
  // Chinese writes 万元 and 年 against the number; symbols and English words take a space.
  return locale === 'zh-CN' && /^[\u4e00-\u9fff]/.test(text) ? `${digits}${text}` : `${digits} ${text}`;
}

export interface Amount {
  amount: number | string;
  unit: string;
}

export function formatAmount(amount: Amount | null | undefined, locale: Locale): string {
  return amount ? formatQuantity(amount.amount, amount.unit, locale) : EMPTY;
}

export function formatPercent(value: number | string | null | undefined, locale: Locale): string {
  return formatQuantity(value, '%', locale, 1);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar date (`2025-03-01`) or the date of an instant, as the reader writes it. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) {
    return EMPTY;
  }
  // A bare date is a day in Beijing, not a UTC midnight: read its parts instead of going through Date.
  const date = value.length === 10 ? ISO_DATE.exec(value) : null;
  if (date) {
    const [, year, month, day] = date;
    return locale === 'zh-CN'
      ? `${Number(year)}年${Number(month)}月${Number(day)}日`
      : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
        .format(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  }).format(instant);
}

/** A statistical period: `2023` is a year, `2023-05` a month, `2024-Q1` a quarter. */
export function formatPeriod(period: string | null | undefined, locale: Locale): string {
  if (!period) {
    return EMPTY;
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    return locale === 'zh-CN' ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    return locale === 'zh-CN'
      ? `${month[1]}年${Number(month[2])}月`
      : new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
        .format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  }
  return locale === 'zh-CN' && /^\d{4}$/.test(period) ? `${period}年` : period;
}

export interface LocalizedName {
  zh: string;
  en?: string | null;
}

/** Names are Chinese first; English falls back to the Chinese where no translation is recorded. */
export function nameIn(name: LocalizedName | null | undefined, locale: Locale): string {
  if (!name) {
    return EMPTY;
  }
  return locale === 'en' && name.en ? name.en : name.zh;
}

const COUNTED: Record<string, { zh: string; one: string; many: string }> = {
  indicators: { zh: '项', one: 'indicator', many: 'indicators' },
  projects: { zh: '个', one: 'project', many: 'projects' },
  filings: { zh: '件', one: 'filing', many: 'filings' },
  plans: { zh: '件', one: 'plan', many: 'plans' },
  days: { zh: '天', one: 'day', many: 'days' },
  workingDays: { zh: '个工作日', one: 'working day', many: 'working days' },
};

/** A count with what it counts: `3 个` / `3 projects`, `1 day`. */
export function formatCount(value: number | null | undefined, what: keyof typeof COUNTED & string, locale: Locale): string {
  const unit = COUNTED[what];
  if (value === null || value === undefined) {
    return EMPTY;
  }
  return formatQuantity(value, locale === 'zh-CN' ? unit.zh : value === 1 ? unit.one : unit.many, locale, 0);
}
