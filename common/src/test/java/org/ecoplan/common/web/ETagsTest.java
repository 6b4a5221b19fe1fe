package org.ecoplan.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ETagsTest {

    @Test
    void eTagIsTheQuotedVersion() {
        assertThat(ETags.of(0)).isEqualTo("\"0\"");
        assertThat(ETags.of(12)).isEqualTo("\"12\"");
    }

    @ParameterizedTest(name = "If-Match [{0}] with current version {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "3"          | 3
            W/"3"        | 3
            "2", "3"     | 3
            "3",W/"4"    | 4
            """)
    void currentVersionAmongTheTagsPasses(String header, long current) {
        assertThatCode(() -> ETags.ifMatch(header).check(current)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "If-Match [{0}] with current version {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "2"          | 3
            "2", "4"     | 3
            W/"30"       | 3
            """)
    void staleTagIs412(String header, long current) {
        assertThatThrownBy(() -> ETags.ifMatch(header).check(current)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode().value()).isEqualTo(412));
    }

    @Test
    void unversionedResourceNeverMatches() {
        assertThatThrownBy(() -> ETags.ifMatch("\"0\"").check(null)).isInstanceOf(ApiProblem.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            null
            ''
            '   '
            *
            """)
    void missingOrWildcardIfMatchIs428(String header) {
        assertThatThrownBy(() -> ETags.ifMatch(header)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode().value()).isEqualTo(428));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            "abc"
            "-1"
            "99999999999999999999"
            """)
    void tagThisServiceNeverIssuesIs400(String header) {
        assertThatThrownBy(() -> ETags.ifMatch(header)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode().value()).isEqualTo(400));
    }
}
