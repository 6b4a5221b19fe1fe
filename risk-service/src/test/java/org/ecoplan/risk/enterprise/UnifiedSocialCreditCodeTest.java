package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // codes published in the national enterprise credit information system
            "91110108551385082Q", "91440300708461136T", "91330100716105852F", "914403001922038216",
            // the demo enterprises of the local profile
            "91430602MA4PK1R35Q", "91430602MA4QB7D694" })
    void acceptsCodesWithTheirGb32100CheckCharacter(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        assertThat(new UnifiedSocialCreditCode(code).value()).isEqualTo(code);
    }

    /** Hand-computed boundaries: a sum divisible by 31 gives 0, the largest remainder gives Y. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "91430602MA4000014, 0",
            "91430602MA4000004, Y",
            "91430602MA4PK1R35, Q" })
    void computesTheCheckCharacterFromTheFirst17(String first17, char expected) {
        assertThat(UnifiedSocialCreditCode.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "91430602MA4PK1R35R", // wrong check character
            "91430602MA4PK1R53Q", // two characters swapped
            "91430602ma4pk1r35q", // lower case is not in the alphabet
            "91430602MA4PK1I35Q", // I is excluded to avoid confusion with 1
            "91430602MA4PK1R35", // 17 characters
            "91430602MA4PK1R35QQ", // 19 characters
            "91430602MA4PK1R35 " })
    @NullAndEmptySource
    void rejectsAnythingElse(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedSocialCreditCode(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "91430602MA4PK1R35R, has a wrong check character: GB 32100-2015 gives Q for the first 17",
            "91430602MA4PK1R35, 'must be 18 characters (GB 32100-2015), not 17'",
            "91430602MA4PK1I35Q, 'may hold only digits and capital letters other than I, O, S, V and Z'" })
    void saysWhatIsWrongForThePersonWhoTypedIt(String code, String problem) {
        assertThat(UnifiedSocialCreditCode.problem(code)).contains(problem);
        assertThat(UnifiedSocialCreditCode.problem("91430602MA4PK1R35Q")).isEmpty();
    }
}
