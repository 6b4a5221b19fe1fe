package org.ecoplan.project.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.ExpectedReductions;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.quality.QualityFinding.Check;
import org.ecoplan.project.quality.QualityFinding.Figure;

/**
 * 单位减排投资: finds projects whose investment per t/a of expected reduction lies far from that of the other
 * projects reducing the same pollutant.
 * <p>
 * Projects differ in scale by orders of magnitude, so their totals alone say little: 芭蕉水库's 230,000 万元 is
 * only 7.7 times the median of its own type. Its stated reductions measure its scale: per t/a of COD it costs
 * 46,000 万元 where the other water projects cost 200 and 300, 153 times their median. The reference is the
 * median of all projects reducing the pollutant, the project included, which one outlier cannot move; a
 * project is flagged when it costs more than {@code ratio} times the median or less than its {@code 1/ratio}.
 * With fewer than {@code minimumPeers} projects there is no median to trust and nothing is flagged;
 * projects stating no quantified reduction cannot be compared this way.
 */
final class InvestmentOutliers {

    static final String PER_REDUCTION = "万元/(t/a)";

    /** Enough digits for any ratio of two amounts in 万元 per t/a. */
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final BigDecimal ratio;

    private final int minimumPeers;

    InvestmentOutliers(BigDecimal ratio, int minimumPeers) {
        this.ratio = ratio;
        this.minimumPeers = minimumPeers;
    }

    List<QualityFinding> findings(List<Project> projects) {
        Map<Project, List<Deviation>> deviations = new LinkedHashMap<>();
        for (Pollutant pollutant : Pollutant.values()) {
            List<Deviation> compared = compare(projects, pollutant);
            compared.stream()
                .filter(this::outside)
                .forEach(deviation -> deviations.computeIfAbsent(deviation.project(), project -> new ArrayList<>())
                    .add(deviation));
        }
        return deviations.entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey(Comparator.comparing(Project::code)))
            .map(entry -> finding(entry.getKey(), entry.getValue()))
            .toList();
    }

    private List<Deviation> compare(List<Project> projects, Pollutant pollutant) {
        Map<Project, BigDecimal> costs = new LinkedHashMap<>();
        Map<Project, BigDecimal> amounts = new LinkedHashMap<>();
        for (Project project : projects) {
            BigDecimal amount = QualityChecks.expected(project).getOrDefault(pollutant, BigDecimal.ZERO);
            if (amount.signum() > 0 && project.totalInvestment() != null
                    && project.totalInvestment().amount().signum() > 0) {
                amounts.put(project, amount);
                costs.put(project, project.totalInvestment().amount().divide(amount, PRECISION));
            }
        }
        if (costs.size() < minimumPeers) {
            return List.of();
        }
        BigDecimal median = median(costs.values().stream().sorted().toList());
        if (median.signum() <= 0) {
            return List.of();
        }
        return costs.entrySet()
            .stream()
            .map(cost -> new Deviation(cost.getKey(), pollutant, amounts.get(cost.getKey()), cost.getValue(), median,
                    cost.getValue().divide(median, PRECISION), costs.size()))
            .toList();
    }

    private boolean outside(Deviation deviation) {
        return deviation.ratio().compareTo(ratio) > 0
                || deviation.ratio().multiply(ratio).compareTo(BigDecimal.ONE) < 0;
    }

    private static QualityFinding finding(Project project, List<Deviation> deviations) {
        Deviation furthest = deviations.stream().max(Comparator.comparing(Deviation::distance)).orElseThrow();
        BigDecimal total = project.totalInvestment().amount();
        String others = deviations.size() == 1 ? ""
                : "（另有" + (deviations.size() - 1) + "种污染物同样偏离）";
        String othersEn = deviations.size() == 1 ? ""
                : " (and " + (deviations.size() - 1) + " more pollutants likewise)";
        String cost = money(furthest.cost()).toPlainString();
        String median = money(furthest.median()).toPlainString();
        String times = times(furthest.ratio()).toPlainString();
        LocalizedName message = new LocalizedName(
                "每吨/年" + furthest.pollutant().label() + "削减量投资" + cost + "万元，是削减同一污染物的" + furthest.peers()
                        + "个项目中位数" + median + "万元的" + times + "倍" + others + "；请核实总投资"
                        + total.toPlainString() + "万元与建设规模。",
                "Investment per t/a of expected " + furthest.pollutant().name() + " reduction is " + cost
                        + " 万元, " + times + " times the median of " + median + " 万元 of the " + furthest.peers()
                        + " projects reducing it" + othersEn + "; confirm the total investment of "
                        + total.toPlainString() + " 万元 and the scale.");
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("totalInvestment", total, Investment.WAN_YUAN));
        for (Deviation deviation : deviations) {
            Pollutant pollutant = deviation.pollutant();
            figures.add(Figure.ofPollutant("expectedReduction", pollutant, deviation.amount(),
                    ExpectedReductions.TONNES_PER_YEAR));
            figures.add(Figure.ofPollutant("investmentPerReduction", pollutant, money(deviation.cost()),
                    PER_REDUCTION));
            figures.add(Figure.ofPollutant("peerMedian", pollutant, money(deviation.median()), PER_REDUCTION));
            figures.add(Figure.ofPollutant("ratioToPeerMedian", pollutant, times(deviation.ratio()), null));
            figures.add(Figure.ofPollutant("peers", pollutant, BigDecimal.valueOf(deviation.peers()), null));
        }
        return new QualityFinding(Check.INVESTMENT_OUTLIER, project.code(), message, figures);
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), PRECISION);
    }

    /** 万元 to the 0.01, as the bureau writes money per unit. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** Three significant digits: 153 times, 0.0500 times. */
    private static BigDecimal times(BigDecimal ratio) {
        return ratio.round(new MathContext(3, RoundingMode.HALF_EVEN));
    }

    /**
     * @param cost   investment per t/a of the pollutant
     * @param median the median cost of the {@code peers} projects reducing it
     */
    private record Deviation(Project project, Pollutant pollutant, BigDecimal amount, BigDecimal cost,
            BigDecimal median, BigDecimal ratio, int peers) {

        /** How far from the median either way: 20 times and a twentieth are equally far. */
        BigDecimal distance() {
            return ratio.compareTo(BigDecimal.ONE) >= 0 ? ratio : BigDecimal.ONE.divide(ratio, PRECISION);
        }
    }
}
