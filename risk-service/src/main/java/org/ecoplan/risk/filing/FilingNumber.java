package org.ecoplan.risk.filing;

import java.util.regex.Pattern;

import org.ecoplan.risk.grading.RiskLevel;

/**
 * 备案编号 {@code <county code>-<year>-<serial>-<L|M|H>[T]}, e.g. {@code 430602-2026-007-M}: the county's
 * administrative division code, the year of filing, the serial within county and year (at least three digits),
 * the risk level's letter, and {@code T} for an enterprise whose risk reaches across regions (环发〔2015〕4号
 * 附件; REFERENCE §6 marks the {@code T} rule "verify": the form's instructions put it after the level letter).
 */
public record FilingNumber(String countyCode, int year, int serial, RiskLevel level, boolean crossRegion) {

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");

    public FilingNumber {
        if (countyCode == null || !COUNTY.matcher(countyCode).matches()) {
            throw new IllegalArgumentException("county code must be six digits: " + countyCode);
        }
        if (serial < 1 || serial > 99_999) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
    }

    /** The key that makes a serial unique: county, year and serial, whatever level it was issued with. */
    public String serialKey() {
        return countyCode + "-" + year + "-" + "%03d".formatted(serial);
    }

    /** The serial inside a number {@code <county>-<year>-<serial>-<letter>[T]}. */
    static int serialOf(String number) {
        return Integer.parseInt(number.split("-")[2]);
    }

    @Override
    public String toString() {
        return serialKey() + "-" + level.letter() + (crossRegion ? "T" : "");
    }
}
