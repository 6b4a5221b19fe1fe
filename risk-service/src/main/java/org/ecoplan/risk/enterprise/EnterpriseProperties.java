package org.ecoplan.risk.enterprise;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param county the administrative-division code in the enterprises' ids ({@code E-<county>-<serial>}); the first
 *        district is 岳阳楼区, 430602
 * @param departments the department codes an enterprise may be supervised by (those of the Keycloak groups)
 * @param importMaxSize the largest import file read into memory
 * @param importMaxRows the most enterprises one import registers, so that one all-or-nothing import stays quick
 */
@Validated
@ConfigurationProperties("ecoplan.enterprises")
record EnterpriseProperties(
        @NotNull @Pattern(regexp = "[0-9]{6}") @DefaultValue("430602") String county,
        @NotEmpty @DefaultValue({ "env", "dev", "land", "water" }) List<String> departments,
        @NotNull @DefaultValue("5MB") DataSize importMaxSize,
        @Min(1) @DefaultValue("2000") int importMaxRows) {
}
