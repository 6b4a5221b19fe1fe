import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;

/**
 * {@code java -cp <classpath> MintToken.java <keycloak-url> <out-dir>}: a bureau viewer's access token and the
 * key set that validates it, signed with common's test key and issued as Keycloak's realm would. The benchmark
 * measures the cost of validating an RS256 token, which is the same for any issuer; a Keycloak of its own would
 * cost half a gigabyte and a core the services need.
 */
public class MintToken {

    public static void main(String[] args) throws Exception {
        String issuer = args[0] + "/realms/ecoplan";
        Path out = Path.of(args[1]);
        String token = TestJwts.token("bench-viewer", PlatformRoles.BUREAU_VIEWER)
            .issuer(issuer)
            .claim("azp", "ecoplan-gateway")
            .expiresAt(Instant.now().plus(Duration.ofHours(2)))
            .encode();
        RSAKey key = new RSAKey.Builder(TestJwts.trustedPublicKey())
            .keyID(SignedJWT.parse(token).getHeader().getKeyID())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .build();
        Files.writeString(out.resolve("token"), token);
        Files.writeString(out.resolve("certs"), new JWKSet(key).toString());
    }
}
