package org.ecoplan.indicator.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;

/**
 * An indicator as a client sends it to create or replace one. The target's shape is checked when it becomes a
 * {@link Target} (422 with the rule it breaks); the city's figure for a 市级下达 target is entered on its own
 * (see {@code PUT /api/v1/indicators/{code}/target}).
 *
 * @param code required to create; on replace absent or the code in the path (a code never changes)
 * @param seq position in the list; a new indicator goes to the end when absent
 */
public record IndicatorDraft(
        @Pattern(regexp = CODE_PATTERN, message = "must be capitals, digits and single hyphens, like AIR-PM25")
        @Size(max = 60) String code,
        @PositiveOrZero Integer seq,
        @NotEmpty List<@NotBlank String> category,
        @NotNull @Valid Name name,
        @NotBlank String unit,
        @NotNull @Valid BaselineDraft baseline,
        @NotNull @Valid TargetDraft target,
        @NotNull Attribute attribute,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a department code like env") String department,
        @Size(max = 2000) String footnote) {

    /** Capitals so that codes never clash with the lower-case paths beside them (/observations, /export). */
    static final String CODE_PATTERN = "[A-Z][A-Z0-9]*(-[A-Z0-9]+)*";

    public record Name(@NotBlank @Size(max = 200) String zh, @Size(max = 300) String en) {

        LocalizedName toName() {
            return new LocalizedName(zh, en);
        }
    }

    public record BaselineDraft(@NotNull Integer year, BigDecimal value, @NotBlank String text) {

        Baseline toBaseline() {
            return new Baseline(year, value, text);
        }
    }

    public record TargetDraft(@NotNull Integer year, @NotNull TargetType type, BigDecimal value, Direction direction,
            @NotBlank String text) {
    }
}
