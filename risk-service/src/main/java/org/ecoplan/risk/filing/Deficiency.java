package org.ecoplan.risk.filing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One item of a return notice: what is missing or deficient.
 *
 * @param document the document concerned; null for the filing's details (signing date, declared level)
 */
public record Deficiency(DocumentKind document, @NotBlank @Size(max = 2000) String problem) {
}
