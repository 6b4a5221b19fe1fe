package org.ecoplan.risk.receptor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;

/**
 * A receptor to add or the whole of one to replace; on replacement the code must be absent or the same.
 *
 * @param approximate whether the point is an estimate; absent: surveyed
 */
record ReceptorDraft(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2 to 40 capitals, digits and hyphens")
        String code,
        @NotNull @Valid Name name,
        @NotNull ReceptorType type,
        @NotNull @Valid Coordinates location,
        Boolean approximate,
        @Size(max = 500) String note) {

    record Name(@NotBlank @Size(max = 100) String zh, @Size(max = 200) String en) {
    }

    SensitiveReceptor toReceptor(String id, String code, Long version) {
        return new SensitiveReceptor(id, code, new LocalizedName(name.zh().strip(), name.en()), type, location,
                Boolean.TRUE.equals(approximate), note, version);
    }
}
