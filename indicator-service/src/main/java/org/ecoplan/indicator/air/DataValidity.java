package org.ecoplan.indicator.air;

import java.util.HashMap;
import java.util.Map;

/**
 * 数据统计的有效性规定 The least data a statistic needs (GB 3095-2012 Table 4, HJ 663-2013 §6), read from
 * {@code gb3095-2012-data-validity.csv}. Each pollutant is judged on its own: Table 4 states the minimum per
 * pollutant and averaging time, and a broken CO analyser should not void a day's PM2.5.
 *
 * @param hoursPerDay hourly values a 24 h mean needs
 * @param hoursPerWindow hourly values an O3 8 h mean needs
 * @param windowsPerDay valid 8 h means (ending 08:00 to 24:00) the O3 daily maximum needs
 * @param daysPerYear daily values an annual statistic needs
 * @param daysPerMonth daily values it needs in every month
 * @param daysInFebruary daily values it needs in February
 */
public record DataValidity(StandardEdition edition, int hoursPerDay, int hoursPerWindow, int windowsPerDay,
        int daysPerYear, int daysPerMonth, int daysInFebruary) {

    static DataValidity read(String file) {
        StandardFile data = StandardFile.read(file);
        Map<String, Integer> rules = new HashMap<>();
        data.rows().forEach(row -> rules.put(row.text("rule"), row.integer("minimum")));
        return new DataValidity(data.edition(), rule(data, rules, "hours-per-day"),
                rule(data, rules, "hours-per-8h-window"), rule(data, rules, "windows-per-day"),
                rule(data, rules, "days-per-year"), rule(data, rules, "days-per-month"),
                rule(data, rules, "days-in-february"));
    }

    private static int rule(StandardFile data, Map<String, Integer> rules, String name) {
        Integer minimum = rules.get(name);
        if (minimum == null) {
            throw data.invalid("has no rule " + name);
        }
        return minimum;
    }
}
