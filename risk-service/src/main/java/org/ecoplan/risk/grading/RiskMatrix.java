package org.ecoplan.risk.grading;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 风险分级矩阵: the level of one medium by E, Q and M (HJ 941-2018 5.4/6.4), as {@code hj941-2018-matrix.csv}
 * states it. Q0 is not in the matrix: it is 一般 before the matrix is consulted.
 */
public final class RiskMatrix {

    private final Map<Sensitivity, Map<QClass, Map<MClass, RiskLevel>>> levels;

    private RiskMatrix(Map<Sensitivity, Map<QClass, Map<MClass, RiskLevel>>> levels) {
        this.levels = levels;
    }

    static RiskMatrix of(List<StandardData.Row> rows) {
        Map<Sensitivity, Map<QClass, Map<MClass, RiskLevel>>> levels = new EnumMap<>(Sensitivity.class);
        for (StandardData.Row row : rows) {
            Sensitivity e = Sensitivity.valueOf(row.text("e"));
            QClass q = QClass.valueOf(row.text("q"));
            if (q == QClass.Q0) {
                throw row.invalid("Q0 is graded 一般 directly and has no row in the matrix");
            }
            Map<MClass, RiskLevel> byM = new EnumMap<>(MClass.class);
            for (MClass m : MClass.values()) {
                byM.put(m, RiskLevel.ofZh(row.text(m.name())));
            }
            if (levels.computeIfAbsent(e, any -> new EnumMap<>(QClass.class)).put(q, byM) != null) {
                throw row.invalid(e + " " + q + " is given twice");
            }
        }
        for (Sensitivity e : Sensitivity.values()) {
            for (QClass q : List.of(QClass.Q1, QClass.Q2, QClass.Q3)) {
                if (!levels.getOrDefault(e, Map.of()).containsKey(q)) {
                    throw new IllegalStateException("standards/hj941-2018-matrix.csv has no row for " + e + " " + q);
                }
            }
        }
        return new RiskMatrix(levels);
    }

    public RiskLevel levelFor(QClass q, MClass m, Sensitivity e) {
        if (q == QClass.Q0) {
            return RiskLevel.GENERAL;
        }
        return levels.get(e).get(q).get(m);
    }
}
