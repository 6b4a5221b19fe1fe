import { describe, expect, it } from 'vitest';
import {
  aqiYears, bandText, calendarData, categoryOf, dayTooltip, legendPieces, statisticText,
} from '../src/app/airQuality';
import type { AirDay, AqiCategory } from '../src/api/types';

// HJ 633-2012 Table 2 as GET /api/v1/air-quality/categories answers it.
const level = (n: number, from: number, to: number | null, zh: string, en: string, rgb: string): AqiCategory =>
  ({ level: n, aqiFrom: from, aqiTo: to, levelZh: '', zh, en, colour: { zh: '', en: '', rgb } });
const TABLE_2 = [
  level(1, 0, 50, '优', 'Excellent', '#00E400'),
  level(2, 51, 100, '良', 'Good', '#FFFF00'),
  level(3, 101, 150, '轻度污染', 'Lightly polluted', '#FF7E00'),
  level(4, 151, 200, '中度污染', 'Moderately polluted', '#FF0000'),
  level(5, 201, 300, '重度污染', 'Heavily polluted', '#99004C'),
  level(6, 301, null, '严重污染', 'Severely polluted', '#7E0023'),
];

const day = (date: string, aqi: number | null, primary: string[] = []): AirDay =>
  ({ date, valid: aqi !== null, aqi, category: null, primaryPollutants: primary });

describe('AQI bands', () => {
  it.each([
    [0, '优'], [50, '优'], [51, '良'], [100, '良'], [101, '轻度污染'], [150, '轻度污染'], [151, '中度污染'],
    [200, '中度污染'], [201, '重度污染'], [300, '重度污染'], [301, '严重污染'], [500, '严重污染'],
  ])('AQI %i is %s', (aqi, zh) => {
    expect(categoryOf(aqi, TABLE_2)?.zh).toBe(zh);
  });

  it('names each band in the legend in the reader\'s language, in its colour, the top one open', () => {
    expect(legendPieces(TABLE_2, 'zh-CN')[0]).toEqual({ gte: 0, lte: 50, color: '#00E400', label: '优 0–50' });
    expect(legendPieces(TABLE_2, 'en')[5]).toEqual({ gte: 301, color: '#7E0023', label: 'Severely polluted 301+' });
    expect(TABLE_2.map(bandText)).toEqual(['0–50', '51–100', '101–150', '151–200', '201–300', '301+']);
  });
});

describe('the calendar', () => {
  it('plots the days with an AQI and leaves the others empty', () => {
    expect(calendarData([day('2024-01-01', 42), day('2024-01-02', null), day('2024-01-03', 120, ['PM2.5'])]))
      .toEqual([['2024-01-01', 42], ['2024-01-03', 120]]);
  });

  it('tells a day\'s date, AQI with its category and the primary pollutant', () => {
    const labels = { aqi: 'AQI', primary: '首要污染物', none: '无' };
    expect(dayTooltip(day('2024-01-03', 120, ['PM2.5', 'PM10']), TABLE_2, 'zh-CN', labels))
      .toBe('2024年1月3日<br/>AQI: 120 轻度污染<br/>首要污染物: PM2.5、PM10');
    expect(dayTooltip(day('2024-01-01', 42), TABLE_2, 'en', { aqi: 'AQI', primary: 'Primary pollutant', none: 'none' }))
      .toBe('1 Jan 2024<br/>AQI: 42 Excellent<br/>Primary pollutant: none');
  });

  it('offers the years since HJ 633-2012 came into force, latest first', () => {
    expect(aqiYears(2019)).toEqual([2019, 2018, 2017, 2016]);
  });
});

describe('the station-year', () => {
  it.each([
    ['annual mean of PM2.5_24h values', 'zh-CN', 'PM2.5_24h 年平均'],
    ['95th percentile of CO_24h values', 'zh-CN', 'CO_24h 第95百分位数'],
    ['90th percentile of O3_8h values', 'en', '90th percentile of O3_8h'],
    ['something new', 'en', 'something new'],
  ] as const)('%s reads %s', (statistic, locale, text) => {
    expect(statisticText(statistic, locale)).toBe(text);
  });
});
