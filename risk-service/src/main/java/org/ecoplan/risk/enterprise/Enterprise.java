package org.ecoplan.risk.enterprise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.risk.grading.RiskLevel;
import org.ecoplan.risk.receptor.Coordinates;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enterprise the bureau supervises for environmental risk. Its risk sources live in the same document, with
 * the level they grade to, so that a change of the sources and the new level are one write.
 *
 * @param id                    the platform's id, {@code E-<county code>-<serial>}; enterprise accounts carry it
 *                              as their token's {@code enterprise_id}
 * @param creditCode            统一社会信用代码, the natural key
 * @param location              where it is, for the receptors around it; null until the bureau enters it
 * @param contacts              the enterprise's contact people; each may later get an enterprise account
 * @param supervisingDepartment code of the supervising department ({@code env} …)
 * @param keySupervision        whether it is on the key-supervision list (重点监管)
 * @param riskSources           what it is graded from; written by the API only through {@code /risk-sources}, so
 *                              the enterprise's own JSON leaves it out
 * @param riskLevel             the current HJ 941-2018 level; null until graded
 * @param riskCode              the level as HJ 941-2018 clause 8 writes it, e.g. {@code 较大[较大-大气(Q2-M2-E3)+一般-水(Q0)]}
 * @param gradedAt              when the level was last computed
 * @param active                false once eco-admin has taken the enterprise off the platform: its accounts are
 *                              disabled; absent (older documents) counts as true
 * @param accounts              the Keycloak accounts of the contacts, pending until made: the outbox the
 *                              onboarding works through, written with the contacts so that none is lost
 * @param version               optimistic-locking version, sent as the ETag
 */
@Document("enterprises")
public record Enterprise(
        @Id String id,
        LocalizedName name,
        String creditCode,
        String address,
        Coordinates location,
        Industry industry,
        List<Contact> contacts,
        String supervisingDepartment,
        boolean keySupervision,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) RiskSources riskSources,
        RiskLevel riskLevel,
        String riskCode,
        Instant gradedAt,
        Boolean active,
        List<EnterpriseAccount> accounts,
        @Version Long version) {

    public Enterprise {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        active = active == null || active;
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    Enterprise withRegistration(LocalizedName name, String creditCode, String address, Coordinates location,
            Industry industry, List<Contact> contacts, String supervisingDepartment, boolean keySupervision,
            boolean active) {
        return new Enterprise(id, name, creditCode, address, location, industry, contacts, supervisingDepartment,
                keySupervision, riskSources, riskLevel, riskCode, gradedAt, active, accounts, version)
            .withContactAccounts();
    }

    /**
     * Brings the accounts in line with the contacts: a pending account for every contact that has none yet, and
     * pending again every account whose holder should now be able to sign in and cannot, or the other way round (a
     * contact removed or added back, the enterprise taken off the platform or back), for the onboarding to bring
     * Keycloak in line. Accounts already in line stay as they are.
     */
    Enterprise withContactAccounts() {
        List<EnterpriseAccount> next = new ArrayList<>();
        for (EnterpriseAccount account : accounts) {
            next.add(account.inLineWith(mayUse(account)));
        }
        for (Contact contact : contacts) {
            String username = EnterpriseAccount.username(id, contact);
            if (next.stream().noneMatch(account -> account.username().equals(username))) {
                next.add(EnterpriseAccount.pending(username, contact));
            }
        }
        return withAccounts(next);
    }

    /**
     * Whether the account's holder may sign in: the enterprise is on the platform and the account's contact is still
     * one of its contacts. Otherwise the onboarding disables the account.
     */
    public boolean mayUse(EnterpriseAccount account) {
        return active && contacts.stream()
            .anyMatch(contact -> EnterpriseAccount.username(id, contact).equals(account.username()));
    }

    /** The enterprise with {@code changed} in place of the account of the same username. */
    public Enterprise withAccount(EnterpriseAccount changed) {
        return withAccounts(accounts.stream()
            .map(account -> account.username().equals(changed.username()) ? changed : account)
            .toList());
    }

    private Enterprise withAccounts(List<EnterpriseAccount> next) {
        return new Enterprise(id, name, creditCode, address, location, industry, contacts, supervisingDepartment,
                keySupervision, riskSources, riskLevel, riskCode, gradedAt, active, next, version);
    }

    /** The enterprise as shown to a caller who does not see its contact people. */
    Enterprise withoutContacts() {
        return new Enterprise(id, name, creditCode, address, location, industry, List.of(), supervisingDepartment,
                keySupervision, riskSources, riskLevel, riskCode, gradedAt, active, List.of(), version);
    }

    Enterprise withRiskSources(RiskSources sources, RiskLevel level, String code, Instant at) {
        return new Enterprise(id, name, creditCode, address, location, industry, contacts, supervisingDepartment,
                keySupervision, sources, level, code, at, active, accounts, version);
    }
}
