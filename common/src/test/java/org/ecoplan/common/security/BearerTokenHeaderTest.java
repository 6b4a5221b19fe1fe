package org.ecoplan.common.security;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every header is turned into what Spring Security's converter makes of it: the same token, nothing, or the same
 * error.
 */
class BearerTokenHeaderTest {

    private static final String TOKEN = TestJwts.token("viewer", "bureau-viewer").encode();

    private static Stream<String> headers() {
        // Latin-1 and Latin Extended-A (with ſ, İ and ı, whose case reaches ASCII letters), the Kelvin and Ohm
        // signs, full-width letters and a letter beyond the 16-bit range.
        Stream<String> around = Stream.concat(IntStream.rangeClosed(0, 0x17f).boxed(),
                Stream.of(0x212a, 0x2126, 0xff21, 0xff41, 0x10400))
            .map(Character::toString)
            .flatMap(c -> Stream.of("Bearer ab" + c + "cd", "Bearer " + c, "Bearer ab" + c, "Bearer ab=" + c,
                    c + "earer ab", "Beare" + c + " ab", "Bearer" + c + "ab"));
        Stream<String> shapes = Stream.of("Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN, "bEaReR x",
                "Bearer", "Bearer ", "Bearer  x", "Bearer x ", " Bearer x", "Bearer\tx", "Bearer=", "Bearer =",
                "Bearer ==", "Bearer x=", "Bearer x==", "Bearer x=y", "Bearer x=y=", "Bearerx", "Basic YTpi",
                "bearer", "", "Bearer \u212a", "Bearer \u017f", "Bearer x\n", "Bearer x\r\n");
        return Stream.concat(shapes, around);
    }

    @Test
    void everyHeaderIsConvertedAsSpringSecurityConvertsIt() {
        BearerTokenHeader ours = new BearerTokenHeader();
        ServerBearerTokenAuthenticationConverter springs = new ServerBearerTokenAuthenticationConverter();
        assertThat(headers().filter(header -> !outcome(ours, header).equals(outcome(springs, header))))
            .as("headers converted otherwise than by Spring Security")
            .isEmpty();
    }

    /** Else a header the loop misjudged would still pass the test above, through Spring's converter. */
    @Test
    void theLoopTakesExactlyTheHeadersSpringSecurityTakesATokenFrom() {
        ServerBearerTokenAuthenticationConverter springs = new ServerBearerTokenAuthenticationConverter();
        assertThat(headers().filter(header -> !loopsToken(header).equals(tokenOf(outcome(springs, header)))))
            .as("headers the loop judged otherwise than Spring Security's expression")
            .isEmpty();
    }

    @Test
    void aRequestWithoutTheHeaderHasNoToken() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/x"));
        assertThat(new BearerTokenHeader().convert(exchange).blockOptional()).isEmpty();
    }

    @Test
    void aWellFormedTokenIsTakenWithItsPadding() {
        assertThat(BearerTokenHeader.wellFormedToken("bearer abc.DEF-_~+/9==")).isEqualTo("abc.DEF-_~+/9==");
    }

    /** The token, "none", or the error's code and description. */
    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/x")
            .header(HttpHeaders.AUTHORIZATION, authorization));
        return Mono.defer(() -> converter.convert(exchange))
            .map(authentication -> "token " + token(authentication))
            .onErrorResume(OAuth2AuthenticationException.class, refused -> Mono.just(
                    "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription()))
            .defaultIfEmpty("none")
            .block();
    }

    private static String loopsToken(String header) {
        String token = BearerTokenHeader.wellFormedToken(header);
        return token == null ? "no token" : "token " + token;
    }

    private static String tokenOf(String outcome) {
        return outcome.startsWith("token ") ? outcome : "no token";
    }

    private static String token(Authentication authentication) {
        return ((BearerTokenAuthenticationToken) authentication).getToken();
    }
}
