package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;

/**
 * A PATCH of a project: the fields present change, absent (or null) ones stay as they are.
 * <p>
 * A change of scope ({@code content}, {@code expectedReductions}), budget ({@code totalInvestment}) or dates
 * ({@code startYear}, {@code completionYear}) needs a {@code reason} and is appended to the project's
 * {@code modifications} with the values before and after, so that no commitment of the plan is overwritten
 * silently (OC4IDS modifications). Other fields are plain edits, kept by the audit trail. A completion year before
 * the start year is accepted: the data-quality review flags it, as the plan's records must be taken as printed.
 * Status and milestones are not edited here but through their own endpoints, which keep their rules.
 *
 * @param code   absent, or the code in the path: a code never changes
 * @param reason why the scope, budget or dates change
 * @param others any other field the body holds, refused
 */
public record ProjectChanges(
        String code,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = Project.MAX_SHORT_TEXT) String type,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank") String areaCode,
        LocalizedName name,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = Project.MAX_SHORT_TEXT)
        String location,
        BuildNature buildNature,
        @Min(Project.EARLIEST_YEAR) @Max(Project.LATEST_YEAR) Integer startYear,
        @Min(Project.EARLIEST_YEAR) @Max(Project.LATEST_YEAR) Integer completionYear,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = Project.MAX_CONTENT) String content,
        @Valid Investment totalInvestment,
        @Valid ExpectedReductions expectedReductions,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank") String leadDepartment,
        List<@NotBlank String> cooperatingDepartments,
        @Size(max = 1000) String reason,
        @Schema(hidden = true) @JsonAnySetter Map<String, Object> others) {

    private static final String NOT_BLANK = "(?s).*\\S.*";

    /** Fields of a project that other features change, and where. */
    private static final Map<String, String> CHANGED_ELSEWHERE = Map.of(
            "status", "changes by a transition: POST /api/v1/projects/{code}/transitions",
            "statusHistory", "is written by transitions: POST /api/v1/projects/{code}/transitions",
            "milestones", "change through /api/v1/projects/{code}/milestones",
            "modifications", "are recorded from changes of scope, budget or dates, with their reason");

    public ProjectChanges {
        others = others == null ? new LinkedHashMap<>() : others;
    }

    /** Whether the lead department changes, which hands the project to another department's editors. */
    boolean changesLead(Project current) {
        return leadDepartment != null && !leadDepartment.equals(current.leadDepartment());
    }

    /**
     * The project with these changes, its modifications appended; {@code current} itself when nothing changes.
     *
     * @param at when, for the modifications
     * @param by the username of who changes it
     * @throws ApiProblem 400 for a field a project does not have; 422 for a field changed elsewhere, another code,
     *                    or a change of scope, budget or dates without a reason
     */
    Project applyTo(Project current, Instant at, String by) {
        refuseOtherFields(current.code());
        Modifications scope = new Modifications(current.modifications(), at, by);
        Investment investment = scope.track("totalInvestment", current.totalInvestment(), totalInvestment,
                value -> plain(value.amount()));
        int start = scope.track("startYear", current.startYear(), startYear, String::valueOf);
        int completion = scope.track("completionYear", current.completionYear(), completionYear, String::valueOf);
        String text = scope.track("content", current.content(), content, Function.identity());
        ExpectedReductions reductions = expectedReductions == null ? current.expectedReductions()
                : scope.reductions(current.expectedReductions(), expectedReductions);
        Project next = new Project(current.id(), current.code(), or(type, current.type()),
                or(areaCode, current.areaCode()), or(name, current.name()), or(location, current.location()),
                or(buildNature, current.buildNature()), start, completion, text, investment, reductions,
                or(leadDepartment, current.leadDepartment()),
                or(cooperatingDepartments, current.cooperatingDepartments()), current.status(),
                current.statusHistory(), current.milestones(), scope.all(), current.version());
        return next.equals(current) ? current : next;
    }

    private void refuseOtherFields(String pathCode) {
        List<ApiProblem.FieldError> unknown = others.keySet().stream()
                .filter(field -> !CHANGED_ELSEWHERE.containsKey(field))
                .map(field -> new ApiProblem.FieldError(field, "is not a known field"))
                .toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("The body names fields a project does not have", unknown);
        }
        List<ApiProblem.FieldError> refused = new ArrayList<>();
        others.keySet().forEach(field -> refused.add(new ApiProblem.FieldError(field,
                CHANGED_ELSEWHERE.get(field).replace("{code}", pathCode))));
        if (code != null && !code.equals(pathCode)) {
            refused.add(new ApiProblem.FieldError("code", "must be absent or " + pathCode + ": a code never changes"));
        }
        if (!refused.isEmpty()) {
            throw ApiProblem.unprocessable("A PATCH changes the project's own fields only", refused);
        }
    }

    private static <T> T or(T requested, T current) {
        return requested != null ? requested : current;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** The modifications of one PATCH, all with its reason, appended to those before. */
    private final class Modifications {

        private final List<Modification> all;

        private final int before;

        private final Instant at;

        private final String by;

        Modifications(List<Modification> before, Instant at, String by) {
            this.all = new ArrayList<>(before);
            this.before = before.size();
            this.at = at;
            this.by = by;
        }

        /** The requested value when it differs from the current one as text, else the current one. */
        <T> T track(String field, T current, T requested, Function<T, String> text) {
            if (requested == null) {
                return current;
            }
            return record(field, text.apply(current), text.apply(requested)) ? requested : current;
        }

        /** One modification per changed sentence and per pollutant whose amount changes. */
        ExpectedReductions reductions(ExpectedReductions current, ExpectedReductions requested) {
            boolean changed = record("expectedReductions.text", current.text(), requested.text());
            Map<Pollutant, String> before = amounts(current);
            Map<Pollutant, String> after = amounts(requested);
            for (Pollutant pollutant : Pollutant.values()) {
                changed |= record("expectedReductions." + pollutant.name(), before.get(pollutant),
                        after.get(pollutant));
            }
            return changed ? requested : current;
        }

        List<Modification> all() {
            if (all.size() > before && (reason == null || reason.isBlank())) {
                throw ApiProblem.unprocessable("A change of scope, budget or dates needs a reason",
                        List.of(new ApiProblem.FieldError("reason", "must say why "
                                + all.subList(before, all.size()).stream().map(Modification::field).toList()
                                + " change")));
            }
            return all;
        }

        private boolean record(String field, String before, String after) {
            if (Objects.equals(before, after)) {
                return false;
            }
            all.add(new Modification(field, before, after, reason, at, by));
            return true;
        }

        private static Map<Pollutant, String> amounts(ExpectedReductions reductions) {
            Map<Pollutant, String> amounts = new EnumMap<>(Pollutant.class);
            for (Reduction item : reductions.items()) {
                amounts.put(item.pollutant(), plain(item.amount()));
            }
            return amounts;
        }
    }
}
