package org.ecoplan.common.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueryTest {

    private static ValidatorFactory validatorFactory;

    private static Validator validator;

    @BeforeAll
    static void validator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        validator = validatorFactory.getValidator();
    }

    @AfterAll
    static void close() {
        validatorFactory.close();
    }

    @Test
    void absentParametersTakeTheDefaults() {
        assertThat(PageQuery.first()).isEqualTo(new PageQuery(0, 20, null));
        assertThat(new PageQuery(null, null, "  ")).isEqualTo(new PageQuery(0, 20, null));
    }

    @ParameterizedTest(name = "page={0} size={1} -> {2} violations")
    @CsvSource(textBlock = """
            0,   1,   0
            3,   200, 0
            -1,  20,  1
            0,   0,   1
            0,   201, 1
            -1,  201, 2
            """)
    void sizeIsCappedAt200(int page, int size, int violations) {
        assertThat(validator.validate(new PageQuery(page, size, null))).hasSize(violations);
    }

    @ParameterizedTest(name = "page {0} of size {1} skips {2}")
    @CsvSource(textBlock = """
            0,  20,  0
            3,  20,  60
            2,  200, 400
            """)
    void offsetSkipsThePreviousPages(int page, int size, long offset) {
        assertThat(new PageQuery(page, size, null).offset()).isEqualTo(offset);
    }

    @Test
    void sortListsFieldsWithMinusForDescending() {
        Sort sort = new PageQuery(0, 20, "name, -updatedAt").toSort(Set.of("name", "updatedAt"), Sort.unsorted());

        assertThat(sort).containsExactly(Sort.Order.asc("name"), Sort.Order.desc("updatedAt"));
    }

    @Test
    void noSortMeansTheFallback() {
        Sort fallback = Sort.by("code");

        assertThat(PageQuery.first().toSort(Set.of("name"), fallback)).isSameAs(fallback);
    }

    @Test
    void sortOnAFieldNotAllowedIs400NamingTheSortParameter() {
        assertThatThrownBy(() -> new PageQuery(0, 20, "name,-secret").toSort(Set.of("name"), Sort.unsorted()))
            .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(problem.getBody().getDetail()).isEqualTo("Cannot sort by 'secret'");
                assertThat(problem.getBody().getProperties().get(ApiProblem.ERRORS_PROPERTY))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .extracting("field")
                    .containsExactly("sort");
            });
    }

    @Test
    void pageResultCarriesThePagingOfTheQuery() {
        PageResult<Integer> result = PageResult.of(List.of(1, 2), 42, new PageQuery(2, 2, null));

        assertThat(result).isEqualTo(new PageResult<>(List.of(1, 2), 42, 2, 2));
        assertThat(result.map(n -> "#" + n)).isEqualTo(new PageResult<>(List.of("#1", "#2"), 42, 2, 2));
    }
}
