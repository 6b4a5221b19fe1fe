package org.ecoplan.risk.enterprise;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A contact person of an enterprise. The list of them is what enterprise accounts are provisioned from, so each
 * is a person with a way to reach them.
 *
 * @param phone a mainland mobile number or a landline with area code, digits with optional {@code +86}, spaces
 *              and hyphens
 */
public record Contact(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Pattern(regexp = "(\\+86[ -]?)?[0-9][0-9 -]{6,16}[0-9]",
                message = "must be a phone number like 13800000000 or 0730-8888888") String phone,
        @Email @Size(max = 254) String email) {
}
