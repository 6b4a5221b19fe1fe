package org.ecoplan.risk.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ecoplan.common.spreadsheet.SpreadsheetTable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Enterprises as a table for the bureau's spreadsheets, one row each, under {@link EnterpriseColumn}'s headings. */
final class EnterpriseExport {

    private EnterpriseExport() {
    }

    static Mono<SpreadsheetTable> table(Flux<Enterprise> enterprises) {
        return enterprises.map(EnterpriseExport::row)
            .collectList()
            .map(rows -> new SpreadsheetTable("企业", EnterpriseColumn.headings(), rows));
    }

    private static List<Object> row(Enterprise enterprise) {
        List<Object> row = new ArrayList<>();
        row.add(enterprise.id());
        row.add(enterprise.name().zh());
        row.add(enterprise.name().en());
        row.add(enterprise.creditCode());
        row.add(enterprise.address());
        row.add(enterprise.location() == null ? null : enterprise.location().longitude());
        row.add(enterprise.location() == null ? null : enterprise.location().latitude());
        row.add(enterprise.industry().code());
        row.add(enterprise.industry().name());
        row.add(enterprise.supervisingDepartment());
        row.add(enterprise.keySupervision() ? "是" : "否");
        row.add(joined(enterprise, Contact::name));
        row.add(joined(enterprise, Contact::phone));
        row.add(joined(enterprise, contact -> contact.email() == null ? "" : contact.email()));
        row.add(enterprise.riskLevel() == null ? null : enterprise.riskLevel().zh());
        row.add(enterprise.riskCode());
        row.add(enterprise.gradedAt() == null ? null
                : LocalDate.ofInstant(enterprise.gradedAt(), RiskProfiles.BUREAU_ZONE).toString());
        return row;
    }

    private static String joined(Enterprise enterprise, Function<Contact, String> part) {
        return enterprise.contacts().stream().map(part).collect(Collectors.joining(EnterpriseColumn.LIST_SEPARATOR));
    }
}
