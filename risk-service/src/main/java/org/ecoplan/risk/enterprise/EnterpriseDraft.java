package org.ecoplan.risk.enterprise;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.risk.receptor.Coordinates;

/**
 * An enterprise to register. The credit code's check character and the department are checked by
 * {@link EnterpriseRegistry} (422), the shapes here (400).
 *
 * @param location optional at registration; the receptors around an enterprise need it
 * @param keySupervision on the key-supervision list (重点监管); absent: not
 */
public record EnterpriseDraft(
        @NotNull @Valid Name name,
        @NotBlank String creditCode,
        @NotBlank @Size(max = 200) String address,
        @Valid Coordinates location,
        @NotNull @Valid Industry industry,
        List<@NotNull @Valid Contact> contacts,
        @NotBlank String supervisingDepartment,
        Boolean keySupervision) {

    /** The enterprise's registered name: Chinese as on its business licence, English if it has one. */
    public record Name(@NotBlank @Size(max = 100) String zh, @Size(max = 200) String en) {

        LocalizedName toName() {
            return new LocalizedName(zh.strip(), en == null || en.isBlank() ? null : en.strip());
        }
    }

    Enterprise toEnterprise(String id) {
        return new Enterprise(id, name.toName(), creditCode, address.strip(), location, industry,
                contacts == null ? List.of() : contacts, supervisingDepartment, Boolean.TRUE.equals(keySupervision),
                null, null, null, null, true, null, null).withContactAccounts();
    }
}
