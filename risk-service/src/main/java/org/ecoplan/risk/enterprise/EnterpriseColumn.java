package org.ecoplan.risk.enterprise;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of the enterprise spreadsheet, under the Chinese headings the bureau's staff use. The export writes
 * them all; the import reads a file with the {@link #imported} ones in any order, needs the {@link #required}
 * ones, and skips the export's other columns, so an exported file (less its registered rows) imports again.
 */
enum EnterpriseColumn {
    ID("企业编号", "id", false, false),
    NAME_ZH("企业名称", "name.zh", true, true),
    NAME_EN("英文名称", "name.en", true, false),
    CREDIT_CODE("统一社会信用代码", "creditCode", true, true),
    ADDRESS("地址", "address", true, true),
    LONGITUDE("经度", "location.longitude", true, false),
    LATITUDE("纬度", "location.latitude", true, false),
    INDUSTRY_CODE("行业代码", "industry.code", true, true),
    INDUSTRY_NAME("行业名称", "industry.name", true, true),
    DEPARTMENT("监管部门", "supervisingDepartment", true, true),
    KEY_SUPERVISION("重点监管", "keySupervision", true, false),
    CONTACT_NAMES("联系人", "contacts.name", true, false),
    CONTACT_PHONES("联系电话", "contacts.phone", true, false),
    CONTACT_EMAILS("电子邮箱", "contacts.email", true, false),
    RISK_LEVEL("风险等级", "riskLevel", false, false),
    RISK_CODE("风险等级表征", "riskCode", false, false),
    GRADED_AT("定级时间", "gradedAt", false, false);

    /** The contact people's personal data, which integrators' exports leave out. */
    static final Set<EnterpriseColumn> CONTACTS = EnumSet.of(CONTACT_NAMES, CONTACT_PHONES, CONTACT_EMAILS);

    /** Several contacts share a cell, in the same order in the name, phone and e-mail columns. */
    static final String LIST_SEPARATOR = "；";

    private final String heading;

    private final String field;

    private final boolean imported;

    private final boolean required;

    EnterpriseColumn(String heading, String field, boolean imported, boolean required) {
        this.heading = heading;
        this.field = field;
        this.imported = imported;
        this.required = required;
    }

    String heading() {
        return heading;
    }

    /** The API field the column holds, for error messages. */
    String field() {
        return field;
    }

    boolean imported() {
        return imported;
    }

    boolean required() {
        return required;
    }

    static List<String> headings() {
        return Arrays.stream(values()).map(EnterpriseColumn::heading).toList();
    }

    static Optional<EnterpriseColumn> headed(String heading) {
        return Arrays.stream(values()).filter(column -> column.heading.equals(heading)).findFirst();
    }
}
