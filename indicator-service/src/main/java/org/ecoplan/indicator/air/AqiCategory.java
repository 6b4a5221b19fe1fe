package org.ecoplan.indicator.air;

/**
 * 空气质量指数类别 An AQI level of HJ 633-2012 Table 2 with the colour of its Appendix A.
 *
 * @param level 1 to 6
 * @param aqiFrom the lowest AQI of the level
 * @param aqiTo the highest, null for the open top level
 * @param levelZh 一级 to 六级
 * @param zh 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染
 * @param en the English name
 */
public record AqiCategory(int level, int aqiFrom, Integer aqiTo, String levelZh, String zh, String en,
        Colour colour) {

    /** 表示颜色 The colour the portal shows the level in, as HJ 633-2012 Appendix A gives it. */
    public record Colour(String zh, String en, String rgb) {
    }

    boolean contains(int aqi) {
        return aqi >= aqiFrom && (aqiTo == null || aqi <= aqiTo);
    }
}
