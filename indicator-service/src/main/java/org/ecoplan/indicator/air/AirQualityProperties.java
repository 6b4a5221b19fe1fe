package org.ecoplan.indicator.air;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What a deployer may change about air quality ({@code ecoplan.air.*}).
 *
 * @param planStation the station whose year feeds the plan's indicators AIR-PM25 and AIR-GOOD-DAYS
 * @param areaClass the GB 3095 area class the stations are judged as
 * @param department the department whose bureau editors may import monitoring data
 * @param maxImportSize the largest hourly CSV accepted in one request
 */
@Validated
@ConfigurationProperties("ecoplan.air")
public record AirQualityProperties(@NotBlank @DefaultValue("城陵矶") String planStation,
        @NotNull @DefaultValue("CLASS_2") AreaClass areaClass, @NotBlank @DefaultValue("env") String department,
        @NotNull @DefaultValue("16MB") DataSize maxImportSize) {
}
