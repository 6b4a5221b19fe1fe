package org.ecoplan.project.progress;

import java.time.Instant;

/**
 * A file that came with a progress report (photos of the works, an acceptance record, a payment statement),
 * stored in GridFS.
 *
 * @param id          the GridFS file id, the download's key
 * @param filename    as uploaded
 * @param contentType as read from the file's own bytes, never as the uploader claimed
 * @param size        bytes
 * @param sha256      hex digest of the content, so that a copy can be checked against the original
 */
public record Attachment(String id, String filename, String contentType, long size, String sha256,
        Instant uploadedAt, String uploadedBy) {
}
