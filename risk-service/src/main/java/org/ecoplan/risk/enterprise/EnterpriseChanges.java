package org.ecoplan.risk.enterprise;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ecoplan.risk.receptor.Coordinates;

/**
 * A partial change of an enterprise's record ({@code PATCH}): a field that is absent or null stays as it is.
 * Enterprise accounts may send only {@link #ENTERPRISE_FIELDS}.
 */
public record EnterpriseChanges(
        @Valid EnterpriseDraft.Name name,
        String creditCode,
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String address,
        @Valid Coordinates location,
        @Valid Industry industry,
        List<@NotNull @Valid Contact> contacts,
        String supervisingDepartment,
        Boolean keySupervision,
        Boolean active) {

    /**
     * What an enterprise keeps up to date itself: who to contact and where it sits. Everything else is the
     * bureau's registration (name and credit code from the business licence, industry, supervision, coordinates,
     * which place the enterprise against the receptors) and changes only through bureau staff.
     */
    static final List<String> ENTERPRISE_FIELDS = List.of("contacts", "address");

    /** The fields this change sets, by their JSON names. */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        addIf(fields, "name", name);
        addIf(fields, "creditCode", creditCode);
        addIf(fields, "address", address);
        addIf(fields, "location", location);
        addIf(fields, "industry", industry);
        addIf(fields, "contacts", contacts);
        addIf(fields, "supervisingDepartment", supervisingDepartment);
        addIf(fields, "keySupervision", keySupervision);
        addIf(fields, "active", active);
        return fields;
    }

    Enterprise applyTo(Enterprise current) {
        return current.withRegistration(name == null ? current.name() : name.toName(),
                creditCode == null ? current.creditCode() : creditCode,
                address == null ? current.address() : address.strip(),
                location == null ? current.location() : location,
                industry == null ? current.industry() : industry,
                contacts == null ? current.contacts() : contacts,
                supervisingDepartment == null ? current.supervisingDepartment() : supervisingDepartment,
                keySupervision == null ? current.keySupervision() : keySupervision,
                active == null ? current.active() : active);
    }

    private static void addIf(List<String> fields, String field, Object value) {
        if (value != null) {
            fields.add(field);
        }
    }
}
