package org.ecoplan.indicator.observation;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param outliers the outlier rule's parameters (see {@link OutlierRule})
 * @param importMaxSize the largest bulk-import file accepted; a year of monthly values for every indicator is
 *        a few hundred kilobytes even as XLSX
 * @param importAbandonedAfter how old the staged rows of an import that never committed must be before the start-up
 *        sweep removes them; far longer than any import runs, so a running one on another replica is never touched
 */
@Validated
@ConfigurationProperties("ecoplan.observations")
public record ObservationProperties(@NotNull @Valid @DefaultValue Outliers outliers,
        @NotNull @DefaultValue("5MB") DataSize importMaxSize,
        @NotNull @DefaultValue("1h") Duration importAbandonedAfter) {

    /**
     * @param minimumHistory approved values of other periods needed before anything is flagged
     * @param threshold the robust z-score beyond which a value is flagged; 3.5 is Iglewicz and Hoaglin's
     */
    public record Outliers(@Min(3) @DefaultValue("5") int minimumHistory,
            @DecimalMin(value = "0", inclusive = false) @DefaultValue("3.5") double threshold) {
    }
}
