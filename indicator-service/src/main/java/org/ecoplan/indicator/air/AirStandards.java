package org.ecoplan.indicator.air;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every air quality table the bureau evaluates with, each edition read from its data file in
 * {@code resources/standards/}. The date (or year) being evaluated selects the edition: the plan period 2021-2025
 * is judged by the 2012 tables, later years by the editions that take over, the 2025-12-15 drafts included and
 * marked {@link StandardEdition.Status#DRAFT}. A new edition is a new file listed here.
 */
public final class AirStandards {

    /** HJ 633-2012 Table 1, its notes and Table 2, per edition. */
    private static final List<String[]> AQI_FILES = List.<String[]>of(
            new String[] { "hj633-2012-iaqi.csv", "hj633-2012-table1-notes.csv", "hj633-2012-categories.csv" });

    /** GB 3095 limits in date order, amendments after the edition they amend. */
    private static final List<String> LIMIT_FILES = List.of("gb3095-2012-limits.csv",
            "gb3095-draft-2025-12-15-transition-limits.csv", "gb3095-draft-2025-12-15-limits.csv");

    private static final List<String> VALIDITY_FILES = List.of("gb3095-2012-data-validity.csv");

    private static final List<String> ANNUAL_FILES = List.of("hj663-2013-annual-statistics.csv");

    private final Editions<Aqi> aqi;

    private final Editions<AirLimits> limits;

    private final Editions<DataValidity> validity;

    private final Editions<AnnualMethod> annual;

    private AirStandards(List<Aqi> aqi, List<AirLimits> limits, List<DataValidity> validity,
            List<AnnualMethod> annual) {
        this.aqi = new Editions<>("HJ 633 (AQI)", aqi, each -> each.table().edition());
        this.limits = new Editions<>("GB 3095 (limits)", limits, AirLimits::edition);
        this.validity = new Editions<>("GB 3095 (data validity)", validity, DataValidity::edition);
        this.annual = new Editions<>("HJ 663 (annual evaluation)", annual, AnnualMethod::edition);
    }

    /** Reads every file; a file that contradicts itself stops the service from starting. */
    public static AirStandards load() {
        List<Aqi> aqi = new ArrayList<>();
        for (String[] files : AQI_FILES) {
            IaqiTable table = IaqiTable.read(files[0], files[1]);
            AqiCategories categories = AqiCategories.read(files[2]);
            if (!table.edition().code().equals(categories.edition().code())
                    || !table.edition().version().equals(categories.edition().version())) {
                throw new IllegalStateException(files[0] + " and " + files[2] + " must be of one edition");
            }
            aqi.add(new Aqi(table, categories));
        }
        List<AirLimits> limits = new ArrayList<>();
        for (String file : LIMIT_FILES) {
            limits.add(AirLimits.read(file, limits));
        }
        return new AirStandards(aqi, limits, VALIDITY_FILES.stream().map(DataValidity::read).toList(),
                ANNUAL_FILES.stream().map(AnnualMethod::read).toList());
    }

    public Aqi aqiOn(LocalDate date) {
        return aqi.on(date);
    }

    public AirLimits limitsOn(LocalDate date) {
        return limits.on(date);
    }

    public DataValidity validityOn(LocalDate date) {
        return validity.on(date);
    }

    public AnnualMethod annualMethodOn(LocalDate date) {
        return annual.on(date);
    }

    /** Every edition of the GB 3095 limits, in date order. */
    public List<AirLimits> limitEditions() {
        return limits.all();
    }
}
