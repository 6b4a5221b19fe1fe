package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.ecoplan.risk.enterprise.EnterpriseAccount.AccountStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnterpriseAccountTest {

    private static final Contact ZHANG = new Contact("张三", "138-0730-1234", null);

    private static final Contact LI = new Contact("李四", "13807305678", null);

    @ParameterizedTest(name = "{0} account, holder may sign in: {1} -> {2}")
    @CsvSource({
        "ACTIVE,   true,  ACTIVE",
        "ACTIVE,   false, PENDING",
        "DISABLED, false, DISABLED",
        "DISABLED, true,  PENDING",
        "PENDING,  true,  PENDING",
        "PENDING,  false, PENDING"})
    void anAccountOutOfLineWithWhetherItsHolderMaySignInIsPendingAgain(AccountStatus status, boolean mayUse,
            AccountStatus expected) {
        EnterpriseAccount account = new EnterpriseAccount("e-430602-0009.13807301234", "张三", null, status, "user-1",
                2, "timeout", Instant.parse("2026-01-01T00:00:00Z"));

        EnterpriseAccount next = account.inLineWith(mayUse);

        assertThat(next.accountStatus()).isEqualTo(expected);
        assertThat(next.userId()).isEqualTo("user-1");
        if (expected == status) {
            assertThat(next).isSameAs(account);
        }
        else {
            assertThat(next.dueAt(Instant.EPOCH)).isTrue();
        }
    }

    @Test
    void replacingTheContactsKeepsTheRemovedOnesAccountsToDisableAndAddsTheNewOnes() {
        Enterprise registered = enterprise(List.of(ZHANG), true).withContactAccounts();
        EnterpriseAccount made = registered.accounts().get(0).made("user-1");
        Enterprise onboarded = registered.withAccount(made);

        Enterprise replaced = onboarded.withRegistration(onboarded.name(), onboarded.creditCode(),
                onboarded.address(), onboarded.location(), onboarded.industry(), List.of(LI),
                onboarded.supervisingDepartment(), onboarded.keySupervision(), true);

        assertThat(replaced.accounts()).extracting(EnterpriseAccount::username, EnterpriseAccount::accountStatus)
            .containsExactly(
                tuple("e-430602-0009.13807301234", AccountStatus.PENDING),
                tuple("e-430602-0009.13807305678", AccountStatus.PENDING));
        assertThat(replaced.mayUse(replaced.accounts().get(0))).isFalse();
        assertThat(replaced.mayUse(replaced.accounts().get(1))).isTrue();
    }

    @Test
    void noAccountOfAnEnterpriseOffThePlatformMayBeUsed() {
        Enterprise inactive = enterprise(List.of(ZHANG), false).withContactAccounts();

        assertThat(inactive.mayUse(inactive.accounts().get(0))).isFalse();
    }

    private static Enterprise enterprise(List<Contact> contacts, boolean active) {
        return new Enterprise("E-430602-0009", null, "91430602MA4L000000", null, null, null, contacts, "env", false,
                null, null, null, null, active, null, 0L);
    }
}
