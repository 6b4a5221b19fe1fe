/**
 * Surface water (地表水) to GB 3838-2002: classing samples, the plan's monitoring sites, their samples, each site's
 * annual class and the share of sites worse than Class V that feeds the plan's indicator 地表水质量劣Ⅴ类水体比例
 * ({@code WATER-WORSE-THAN-V}).
 *
 * <h2>The standards, as data</h2>
 * {@code resources/standards/gb3838-2002.csv} holds GB 3838-2002 表1 for pH, DO, CODMn, COD, BOD5, NH3-N, TP
 * (rivers, and 湖、库) and TN (湖、库 only), read by {@link org.ecoplan.indicator.water.Gb3838Table}.
 * {@code resources/standards/surface-water-evaluation-2011.csv} holds which of them decide the class under
 * 环办〔2011〕22号《地表水环境质量评价办法（试行）》, read by {@link org.ecoplan.indicator.water.EvaluationIndicators}.
 * Pure classes apply them: {@link org.ecoplan.indicator.water.WaterClass} (单因子评价, GB 3838-2002 5.1: each
 * parameter is classed alone, limits inclusive, DO higher-is-better, pH outside 6-9 worse than V, the worst
 * parameter is the class) and {@link org.ecoplan.indicator.water.AnnualEvaluation}.
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li><b>Two ways of deciding, one difference: total nitrogen.</b> A sample (the classify endpoint, samples on
 * entry) is classed as GB 3838-2002 prints its table: TN has limits for 湖、库 only, so it decides for lakes and
 * reservoirs and is reported as {@code notClassified} for rivers. A site's year is evaluated as
 * 环办〔2011〕22号 prescribes, and its 一、（一）1 takes TN out of the class altogether: "水温、总氮、粪大肠菌群作为参考
 * 指标单独评价（河流总氮除外）". A lake's or reservoir's annual TN is therefore classed apart
 * ({@code referenceClasses}) and a river's is averaged but not evaluated. The 劣Ⅴ share the plan's indicator
 * counts is an evaluation of this kind, so it follows the method.</li>
 * <li><b>Annual class.</b> The arithmetic mean of each parameter over the year's samples (一、（二）3), then the
 * single-factor class of the means (二、（一）1). Means are compared unrounded (GB/T 8170-2008 4.3.2, 全数值比较法)
 * and rounded only for display. pH is averaged like every indicator; one sample outside 6-9 does not by itself
 * make the year worse than V. A site without samples in a year is not assessed.</li>
 * <li><b>Share worse than V.</b> Sites whose annual class is 劣Ⅴ over assessed sites, in percent to one decimal.
 * It is recorded as a derived observation of {@code WATER-WORSE-THAN-V} after every change of a sample of that
 * year and after a site's waterbody changes (which reclasses its years), never on a GET. A failed recording fails
 * the request; its retry (idempotent) records it. Once no site of a year is assessed (its last sample deleted)
 * the share recorded for the year is withdrawn, audited, so the plan no longer counts it.</li>
 * <li><b>Who edits.</b> {@code eco-admin} and the {@code bureau-editor}s of {@code ecoplan.water-quality
 * .editing-departments} (env and water): the ecology and environment bureau organises the monitoring network
 * together with the water authority (《水污染防治法》 第二十五条), which monitors water function zones (《水法》
 * 第三十二条). Any editor of those departments edits every site. Everything here is readable by every platform
 * role, environmental quality being public (《环境保护法》 第五十四条); so an editor of another department gets 403,
 * not the 404 used elsewhere to hide objects. Integrators read but do not enter samples: derived observations enter
 * approved, so their data must come from an authorised editor.</li>
 * <li><b>Idempotency.</b> Creating a site is idempotent on its code and entering a sample on site, date and time
 * (unique indexes): the same request again answers the stored one (200); other content there is a 409.</li>
 * <li><b>Versions.</b> Sites and samples carry {@code version}, sent as the ETag; PUT and DELETE need
 * {@code If-Match} (428 without, 412 when stale; a weak tag counts, as everywhere on the platform) through
 * common's {@code ETags}. Samples are never changed: a wrong one is deleted and entered again.</li>
 * </ul>
 */
package org.ecoplan.indicator.water;
