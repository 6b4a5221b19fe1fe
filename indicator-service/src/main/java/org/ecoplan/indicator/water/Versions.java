package org.ecoplan.indicator.water;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The {@code version} of a document as its {@code ETag}, and the {@code If-Match} that changes require (DESIGN:
 * 428 without one, 412 when stale). Kept small and local until common offers the same for every service.
 */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; a weak or unreadable tag matches no version. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you read, so that no one else's change is overwritten.");
        }
        String tag = ifMatch.strip();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException notAVersion) {
                // falls through to stale: the tag names no version this service issued
            }
        }
        throw stale();
    }

    static ResponseStatusException stale() {
        return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                "The resource has changed since you read it (or If-Match names no version of it); read it again.");
    }
}
