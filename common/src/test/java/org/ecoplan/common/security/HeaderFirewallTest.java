package org.ecoplan.common.security;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderFirewallTest {

    @Test
    void everyCodePointIsJudgedAsSpringSecuritysRegularExpressionsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            assertSameVerdicts("a" + Character.toString(codePoint) + "b");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl", "a\tb", "\t",
            "x\ud800", "\udc00x", "\ud800\udc00", "生态环境局", "line\r\nInjected: 1", "\u0085", "\ufffe" })
    void valuesAndNamesAsSpringSecurity(String text) {
        assertSameVerdicts(text);
    }

    @Test
    void absentHeadersPass() {
        assertThat(HeaderFirewall.isAllowedValue(null)).isTrue();
        assertThat(HeaderFirewall.isAllowedName(null)).isTrue();
    }

    @Test
    void controlCharactersAreRefusedAndTabOnlyInValues() {
        assertThat(HeaderFirewall.isAllowedValue("a\nb")).isFalse();
        assertThat(HeaderFirewall.isAllowedValue("a\tb")).isTrue();
        assertThat(HeaderFirewall.isAllowedName("a\tb")).isFalse();
    }

    private static void assertSameVerdicts(String text) {
        assertSameVerdict(text, HeaderFirewall::isAllowedValue, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
        assertSameVerdict(text, HeaderFirewall::isAllowedName, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
    }

    private static void assertSameVerdict(String text, Predicate<String> ours, Predicate<String> springs) {
        assertThat(ours.test(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
            .isEqualTo(springs.test(text));
    }
}
