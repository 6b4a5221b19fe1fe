package org.ecoplan.risk.enterprise;

import java.util.Optional;

/**
 * 统一社会信用代码, the 18-character unified social credit code of GB 32100-2015: registration authority,
 * entity type, administrative division, the 9-character organisation code, and a check character.
 */
public record UnifiedSocialCreditCode(String value) {

    /** The code's alphabet (GB 32100-2015 Table 1): digits and capitals without I, O, S, V, Z. */
    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int MODULUS = CHARACTERS.length();

    private static final int LENGTH = 18;

    public UnifiedSocialCreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid unified social credit code: " + value);
        }
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** What is wrong with {@code code}, in words for the person who typed it; empty for a valid code. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != LENGTH) {
            return Optional.of("must be 18 characters (GB 32100-2015)"
                    + (code == null ? "" : ", not " + code.length()));
        }
        if (!code.chars().allMatch(c -> CHARACTERS.indexOf(c) >= 0)) {
            return Optional.of("may hold only digits and capital letters other than I, O, S, V and Z");
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        return code.charAt(LENGTH - 1) == expected ? Optional.empty()
                : Optional.of("has a wrong check character: GB 32100-2015 gives " + expected + " for the first 17");
    }

    /**
     * The 18th character for the first 17: C18 = 31 - (Σ Ci·Wi mod 31), with Wi = 3^(i-1) mod 31 and 31
     * written as 0.
     */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < first17.length(); i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % MODULUS;
        }
        return CHARACTERS.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    @Override
    public String toString() {
        return value;
    }
}
