package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One sample of a monitoring site, stored with the class GB 3838-2002 gave it on entry. The annual evaluation
 * works from {@code parameters}, so the stored classes are the record of what was reported, not an input.
 * One per site, date and time (a unique index).
 *
 * @param date       sampling date, ISO-8601 ({@code 2024-05-12}): kept as text so that no time zone shifts it
 * @param time       local sampling time ({@code 09:30}), or null when only the date was reported
 * @param waterbody  the site's kind of water when the sample was classed
 * @param parameters the reported values in mg/L (pH without unit), in the table's order
 * @param version    the ETag; samples are never changed, only deleted and entered again
 */
@Document("water_samples")
public record WaterSample(@Id String id, String site, String date, String time, Waterbody waterbody,
        Map<String, BigDecimal> parameters, @JsonProperty("class") WaterQualityClass waterClass,
        List<String> limitingParameters, Map<String, WaterQualityClass> parameterClasses,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notClassified, String standard, String enteredBy,
        Instant enteredAt, long version) {

    /** Same values, whatever their scale: 0.50 and 0.5 are one measurement. */
    boolean reports(Map<String, BigDecimal> values) {
        return parameters.size() == values.size() && values.entrySet().stream().allMatch(entry ->
                parameters.containsKey(entry.getKey()) && parameters.get(entry.getKey()).compareTo(entry.getValue()) == 0);
    }

    int year() {
        return Integer.parseInt(date.substring(0, 4));
    }
}
