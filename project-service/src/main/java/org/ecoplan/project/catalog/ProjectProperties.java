package org.ecoplan.project.catalog;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param departments the departments that lead or cooperate on projects: their code (the token's
 *                    {@code department} claim) and the name the bureau's documents use
 */
@Validated
@ConfigurationProperties("ecoplan.projects")
public record ProjectProperties(@NotEmpty Map<String, @NotBlank String> departments) {

    public ProjectProperties {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    public boolean knowsDepartment(String code) {
        return departments.containsKey(code);
    }

    /** The department's name; its code when it is no longer configured, since stored projects outlive settings. */
    public String departmentName(String code) {
        return departments.getOrDefault(code, code);
    }

    /** For error messages: what a department field must be. */
    String departmentCodes() {
        return "one of " + departments.keySet().stream().sorted().toList();
    }
}
