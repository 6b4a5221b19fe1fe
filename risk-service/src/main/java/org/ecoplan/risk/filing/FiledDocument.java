package org.ecoplan.risk.filing;

import java.time.Instant;

import org.ecoplan.common.upload.FileKind;

/**
 * One uploaded document of a filing; its bytes are a GridFS file.
 *
 * @param fileId the GridFS file's id
 * @param filename the name the enterprise gave, shown only; the type comes from the content
 * @param size bytes
 * @param sha256 of the content, hex, so that a copy can be checked against what was filed
 */
public record FiledDocument(DocumentKind kind, String fileId, String filename, FileKind type, long size,
        String sha256, Instant uploadedAt, String uploadedBy) {
}
