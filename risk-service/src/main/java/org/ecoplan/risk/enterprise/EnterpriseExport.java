package org.ecoplan.risk.enterprise;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ecoplan.common.spreadsheet.SpreadsheetTable;
import org.ecoplan.common.time.BureauDay;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Enterprises as a table for the bureau's spreadsheets, one row each, under {@link EnterpriseColumn}'s headings. */
final class EnterpriseExport {

    private EnterpriseExport() {
    }

    /** @param withContacts whether the contact columns are written (personal data, for the bureau only) */
    static Mono<SpreadsheetTable> table(Flux<Enterprise> enterprises, boolean withContacts) {
        List<EnterpriseColumn> columns = Arrays.stream(EnterpriseColumn.values())
            .filter(column -> withContacts || !EnterpriseColumn.CONTACTS.contains(column))
            .toList();
        return enterprises.map(enterprise -> columns.stream().map(column -> cell(enterprise, column)).toList())
            .collectList()
            .map(rows -> new SpreadsheetTable("企业", columns.stream().map(EnterpriseColumn::heading).toList(), rows));
    }

    private static Object cell(Enterprise enterprise, EnterpriseColumn column) {
        return switch (column) {
            case ID -> enterprise.id();
            case NAME_ZH -> enterprise.name().zh();
            case NAME_EN -> enterprise.name().en();
            case CREDIT_CODE -> enterprise.creditCode();
            case ADDRESS -> enterprise.address();
            case LONGITUDE -> enterprise.location() == null ? null : enterprise.location().longitude();
            case LATITUDE -> enterprise.location() == null ? null : enterprise.location().latitude();
            case INDUSTRY_CODE -> enterprise.industry().code();
            case INDUSTRY_NAME -> enterprise.industry().name();
            case DEPARTMENT -> enterprise.supervisingDepartment();
            case KEY_SUPERVISION -> enterprise.keySupervision() ? "是" : "否";
            case CONTACT_NAMES -> joined(enterprise, Contact::name);
            case CONTACT_PHONES -> joined(enterprise, Contact::phone);
            case CONTACT_EMAILS -> joined(enterprise, contact -> contact.email() == null ? "" : contact.email());
            case RISK_LEVEL -> enterprise.riskLevel() == null ? null : enterprise.riskLevel().zh();
            case RISK_CODE -> enterprise.riskCode();
            case GRADED_AT -> enterprise.gradedAt() == null ? null
                    : BureauDay.of(enterprise.gradedAt()).toString();
        };
    }

    private static String joined(Enterprise enterprise, Function<Contact, String> part) {
        return enterprise.contacts().stream().map(part).collect(Collectors.joining(EnterpriseColumn.LIST_SEPARATOR));
    }
}
