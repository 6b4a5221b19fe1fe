package org.ecoplan.risk.grading;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * HJ 941-2018 企业突发环境事件风险分级方法 as the data files in {@code resources/standards/hj941-2018-*.csv} state
 * it: the Q and M classes, the matrix, the Appendix A substances, the process table and the limits of M.
 */
public final class Hj941Standard {

    public static final String CODE = "HJ 941-2018";

    private final ClassBounds<QClass> qClasses;

    private final ClassBounds<MClass> mClasses;

    private final RiskMatrix matrix;

    private final Map<String, RiskSubstance> substances;

    private final Map<String, ProcessType> processTypes;

    private final Map<String, BigDecimal> rules;

    private Hj941Standard(ClassBounds<QClass> qClasses, ClassBounds<MClass> mClasses, RiskMatrix matrix,
            Map<String, RiskSubstance> substances, Map<String, ProcessType> processTypes,
            Map<String, BigDecimal> rules) {
        this.qClasses = qClasses;
        this.mClasses = mClasses;
        this.matrix = matrix;
        this.substances = substances;
        this.processTypes = processTypes;
        this.rules = rules;
    }

    /** Reads the data files; a malformed file fails here, at start-up, naming file and line. */
    public static Hj941Standard load() {
        List<StandardData.Row> classes = StandardData.rows("hj941-2018-classes.csv");
        Map<String, BigDecimal> rules = new LinkedHashMap<>();
        StandardData.rows("hj941-2018-rules.csv").forEach(row -> rules.put(row.text("rule"), row.decimal("value")));
        return new Hj941Standard(ClassBounds.of(classes, "Q", QClass.class), ClassBounds.of(classes, "M", MClass.class),
                RiskMatrix.of(StandardData.rows("hj941-2018-matrix.csv")), readSubstances(), readProcessTypes(), rules);
    }

    private static Map<String, RiskSubstance> readSubstances() {
        Map<String, RiskSubstance> substances = new LinkedHashMap<>();
        for (StandardData.Row row : StandardData.rows("hj941-2018-appendix-a.csv")) {
            Set<Medium> media = EnumSet.noneOf(Medium.class);
            if (row.flag("air")) {
                media.add(Medium.AIR);
            }
            if (row.flag("water")) {
                media.add(Medium.WATER);
            }
            BigDecimal critical = row.decimal("critical_t");
            if (critical.signum() <= 0 || media.isEmpty()) {
                throw row.invalid("a risk substance needs a positive critical quantity and at least one medium");
            }
            RiskSubstance substance = new RiskSubstance(row.text("key"), row.text("cas"),
                    new LocalizedName(row.text("zh"), row.text("en")), critical, Integer.parseInt(row.text("part")),
                    media, row.flag("verify"));
            if (substances.put(substance.key(), substance) != null) {
                throw row.invalid("key " + substance.key() + " is listed twice");
            }
        }
        return substances;
    }

    private static Map<String, ProcessType> readProcessTypes() {
        Map<String, ProcessType> types = new LinkedHashMap<>();
        for (StandardData.Row row : StandardData.rows("hj941-2018-process.csv")) {
            types.put(row.text("process"), new ProcessType(row.text("process"),
                    new LocalizedName(row.text("zh"), row.text("en")), row.decimal("points_per_set")));
        }
        return types;
    }

    public QClass qClass(BigDecimal q) {
        return qClasses.classOf(q);
    }

    public MClass mClass(BigDecimal m) {
        return mClasses.classOf(m);
    }

    /** Where a class starts, e.g. 10 for Q2, 45 for M3. */
    public BigDecimal lowerBound(QClass q) {
        return qClasses.from(q);
    }

    public BigDecimal lowerBound(MClass m) {
        return mClasses.from(m);
    }

    public RiskMatrix matrix() {
        return matrix;
    }

    public Optional<RiskSubstance> substance(String key) {
        return Optional.ofNullable(substances.get(key));
    }

    public Collection<RiskSubstance> substances() {
        return substances.values();
    }

    public Optional<ProcessType> processType(String code) {
        return Optional.ofNullable(processTypes.get(code));
    }

    public Collection<ProcessType> processTypes() {
        return processTypes.values();
    }

    /** The most the production processes add to M, however many sets there are. */
    public BigDecimal processCap() {
        return rule("process-cap");
    }

    /** The most the risk-control and past-event items of a medium's table add to M. */
    public BigDecimal controlsMax(Medium medium) {
        return rule("controls-max-" + medium.en());
    }

    /** The highest M a medium can score: the capped processes plus its controls. */
    public BigDecimal maxM(Medium medium) {
        return processCap().add(controlsMax(medium));
    }

    /** How many years back a penalty or incident raises the level (7.2). */
    public int adjustmentYears() {
        return rule("adjustment-years").intValueExact();
    }

    private BigDecimal rule(String name) {
        BigDecimal value = rules.get(name);
        if (value == null) {
            throw new IllegalStateException("standards/hj941-2018-rules.csv has no rule " + name);
        }
        return value;
    }
}
