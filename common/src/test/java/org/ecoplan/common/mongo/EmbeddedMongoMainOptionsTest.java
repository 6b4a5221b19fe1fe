package org.ecoplan.common.mongo;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmbeddedMongoMainOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --port 27018 --data .platform/data | 27018 | .platform/data
            --data /var/eco --port 0           | 0     | /var/eco
            --port=28018 --data=/tmp/m         | 28018 | /tmp/m
            --data d                           | 27018 | d
            """)
    void parsesPortAndDataFolder(String args, int port, String data) {
        assertThat(EmbeddedMongoMain.Options.parse(args.split(" ")))
            .isEqualTo(new EmbeddedMongoMain.Options(port, Path.of(data)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --port 27018          | --data <dir> is required
            --port x --data d     | --port must be a number, was x
            --port 70000 --data d | --port must be between 0 and 65535, was 70000
            --data                | Missing value for --data
            --host h --data d     | Unknown option --host
            """)
    void rejectsBadArguments(String args, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedMongoMain.Options.parse(args.split(" ")))
            .withMessage(message);
    }
}
