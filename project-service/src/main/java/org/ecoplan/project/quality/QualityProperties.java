package org.ecoplan.project.quality;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How far a project's investment per t/a of expected reduction may lie from its peers' median before it is
 * flagged ({@code ecoplan.quality.*}).
 *
 * @param outlierRatio flagged above this many times the median or below its reciprocal
 * @param minimumPeers projects reducing a pollutant, the flagged one included, before any is compared; with two
 *                     the median is their mean, which the outlier itself drags along
 */
@Validated
@ConfigurationProperties("ecoplan.quality")
public record QualityProperties(@NotNull @DecimalMin(value = "1", inclusive = false) @DefaultValue("10")
        BigDecimal outlierRatio, @Min(3) @DefaultValue("3") int minimumPeers) {
}
