package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.project.ProjectFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ProjectChangesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Instant AT = Instant.parse("2024-05-06T07:08:09Z");

    /** A project 2021-2030 of 100 万元 promising COD 5 t/a ({@link Fixtures#project()}). */
    private final Project current = ProjectFixtures.project().build();

    /** Rows: the PATCH body | the modifications it appends as field: before -> after, separated by " ; ". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", quoteCharacter = '`', textBlock = """
            {"totalInvestment": {"amount": 150, "unit": "万元"}, "reason": "r"}           | totalInvestment: 100 -> 150
            {"totalInvestment": {"amount": 99.5, "unit": "万元"}, "reason": "r"}          | totalInvestment: 100 -> 99.5
            {"startYear": 2022, "completionYear": 2029, "reason": "r"}                  | startYear: 2021 -> 2022 ; completionYear: 2030 -> 2029
            {"completionYear": 2019, "reason": "r"}                                     | completionYear: 2030 -> 2019
            {"content": "新内容", "reason": "r"}                                         | content: 测试内容。预计环境绩效：COD削减5吨/年。 -> 新内容
            {"expectedReductions": {"text": "预计环境绩效：COD削减5吨/年。", "items": [{"pollutant": "COD", "amount": 5.0, "unit": "t/a"}, {"pollutant": "VOCS", "amount": 2, "unit": "t/a"}]}, "reason": "r"} | expectedReductions.VOCS: null -> 2
            {"expectedReductions": {"items": []}, "reason": "r"}                        | expectedReductions.text: 预计环境绩效：COD削减5吨/年。 -> null ; expectedReductions.COD: 5 -> null
            {"name": {"zh": "新名"}, "location": "别处", "leadDepartment": "water", "buildNature": "NEW"} | none
            {"totalInvestment": {"amount": 100.00, "unit": "万元"}, "startYear": 2021}  | none
            {"code": "%s", "cooperatingDepartments": ["water"]}                         | none
            """)
    void scopeBudgetAndDateChangesBecomeModificationsWithTheirReason(String body, String expected) {
        Project next = apply(body);

        assertThat(next.modifications())
                .extracting(modification -> modification.field() + ": " + modification.before() + " -> "
                        + modification.after())
                .containsExactlyElementsOf(expected == null ? List.of() : Arrays.asList(expected.split(" ; ")));
        assertThat(next.modifications()).allSatisfy(modification -> {
            assertThat(modification.reason()).isEqualTo("r");
            assertThat(modification.at()).isEqualTo(AT);
            assertThat(modification.by()).isEqualTo("env-editor");
        });
    }

    @Test
    void plainEditsReplaceTheFieldAndKeepTheRest() {
        Project next = apply("{\"name\": {\"zh\": \"新名\"}, \"cooperatingDepartments\": [\"water\", \"land\"]}");

        assertThat(next.name().zh()).isEqualTo("新名");
        assertThat(next.cooperatingDepartments()).containsExactly("water", "land");
        assertThat(next).usingRecursiveComparison().ignoringFields("name", "cooperatingDepartments").isEqualTo(current);
    }

    @Test
    void aChangeOfNothingIsTheCurrentProjectItself() {
        assertThat(apply("{}")).isSameAs(current);
        assertThat(apply("{\"totalInvestment\": {\"amount\": 100.0, \"unit\": \"万元\"}, \"location\": \"岳阳-岳阳楼区\"}"))
                .isSameAs(current);
    }

    @Test
    void earlierModificationsStayFirst() {
        Project once = apply("{\"startYear\": 2022, \"reason\": \"first\"}");
        Project twice = changes("{\"startYear\": 2023, \"reason\": \"second\"}").applyTo(once, AT, "eco-admin");

        assertThat(twice.modifications()).extracting(Modification::reason).containsExactly("first", "second");
    }

    /** Rows: the PATCH body | the status | the fields the problem names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"totalInvestment": {"amount": 150, "unit": "万元"}}                  | 422 | reason
            {"content": "新内容", "startYear": 2020, "reason": "  "}               | 422 | reason
            {"status": "COMPLETED"}                                              | 422 | status
            {"milestones": [], "statusHistory": [], "modifications": []}         | 422 | milestones modifications statusHistory
            {"code": "T-OTHER"}                                                  | 422 | code
            {"statuss": "COMPLETED", "status": "COMPLETED"}                      | 400 | statuss
            """)
    void whatAPatchCannotDoIsAProblemNamingTheFields(String body, int status, String fields) {
        assertThatThrownBy(() -> apply(body))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(status);
                    assertThat((List<?>) problem.getBody().getProperties().get(ApiProblem.ERRORS_PROPERTY))
                            .extracting(error -> ((ApiProblem.FieldError) error).field())
                            .containsExactlyInAnyOrder(fields.split(" "));
                });
    }

    private Project apply(String body) {
        return changes(body).applyTo(current, AT, "env-editor");
    }

    private ProjectChanges changes(String body) {
        return JSON.readValue(body.formatted(current.code()), ProjectChanges.class);
    }
}
