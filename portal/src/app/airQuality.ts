// The air-quality calendar and the station-year, built from indicator-service's answers apart from the screen so
// that they can be tested. The AQI bands and their colours are never written here: they come with the categories
// the service reads from HJ 633-2012 Table 2 and Appendix A.
import type { EChartsOption } from './echarts';
import type { AirDay, AqiCategory } from '../api/types';
import { formatDate, type Locale } from './format';

/** HJ 633-2012 came into force on 1 January 2016: no earlier year has AQI days. */
export const FIRST_AQI_YEAR = 2016;

/** The years the screen offers, latest first. */
export function aqiYears(currentYear: number): number[] {
  return Array.from({ length: currentYear - FIRST_AQI_YEAR + 1 }, (_, index) => currentYear - index);
}

/** The level whose band holds the AQI; null below the first band or without levels. */
export function categoryOf(aqi: number, categories: readonly AqiCategory[]): AqiCategory | null {
  return categories.find((level) => aqi >= level.aqiFrom && (level.aqiTo === null || aqi <= level.aqiTo)) ?? null;
}

export function categoryName(category: AqiCategory, locale: Locale): string {
  return locale === 'en' ? category.en : category.zh;
}

/** The band as the legend writes it: `0–50`, `301+`. */
export function bandText(category: AqiCategory): string {
  return category.aqiTo === null ? `${category.aqiFrom}+` : `${category.aqiFrom}–${category.aqiTo}`;
}

/** The legend's pieces: one per level, in its colour, named in the reader's language with its band. */
export function legendPieces(categories: readonly AqiCategory[], locale: Locale) {
  return categories.map((level) => ({
    gte: level.aqiFrom,
    ...(level.aqiTo === null ? {} : { lte: level.aqiTo }),
    color: level.colour.rgb,
    label: `${categoryName(level, locale)} ${bandText(level)}`,
  }));
}

/** Days with an AQI as the calendar's [date, AQI]; a day without valid data stays an empty cell. */
export function calendarData(days: readonly AirDay[]): [string, number][] {
  return days.filter((day) => day.aqi !== null).map((day) => [day.date, day.aqi as number]);
}

export interface DayLabels {
  aqi: string;
  primary: string;
  none: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A day's tooltip: its date, AQI and category, and the primary pollutant (none at AQI 50 or below, HJ 633 §5). */
export function dayTooltip(day: AirDay, categories: readonly AqiCategory[], locale: Locale, labels: DayLabels): string {
  const category = day.aqi === null ? null : categoryOf(day.aqi, categories);
  const primary = day.primaryPollutants.length > 0 ? day.primaryPollutants.join(locale === 'en' ? ', ' : '、') : labels.none;
  return [
    formatDate(day.date, locale),
    `${labels.aqi}: ${day.aqi ?? '—'}${category ? ` ${categoryName(category, locale)}` : ''}`,
    `${labels.primary}: ${primary}`,
  ].map(escapeHtml).join('<br/>');
}

export function calendarOption(year: number, days: readonly AirDay[], categories: readonly AqiCategory[],
  locale: Locale, labels: DayLabels): EChartsOption {
  const byDate = new Map(days.map((day) => [day.date, day]));
  return {
    tooltip: {
      formatter: (params: unknown) => {
        const [date] = (params as { data: [string, number] }).data;
        const day = byDate.get(date);
        return day ? dayTooltip(day, categories, locale, labels) : '';
      },
    },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      top: 0,
      pieces: legendPieces(categories, locale),
    },
    calendar: {
      top: 80,
      left: 40,
      right: 20,
      range: String(year),
      cellSize: ['auto', 15],
      dayLabel: { firstDay: 1, nameMap: locale === 'en' ? 'EN' : 'ZH' },
      monthLabel: { nameMap: locale === 'en' ? 'EN' : 'ZH' },
      yearLabel: { show: false },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: calendarData(days) }],
  };
}

/**
 * The statistic a pollutant's year is judged by, as the service names it (`annual mean of PM2.5_24h values`,
 * `95th percentile of CO_24h values`), in the reader's words.
 */
export function statisticText(statistic: string, locale: Locale): string {
  const mean = /^annual mean of (\S+) values$/.exec(statistic);
  if (mean) {
    return locale === 'en' ? `annual mean of ${mean[1]}` : `${mean[1]} 年平均`;
  }
  const percentile = /^(\d+(?:\.\d+)?)th percentile of (\S+) values$/.exec(statistic);
  if (percentile) {
    return locale === 'en' ? `${percentile[1]}th percentile of ${percentile[2]}` : `${percentile[2]} 第${percentile[1]}百分位数`;
  }
  return statistic;
}
