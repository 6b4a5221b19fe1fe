package org.ecoplan.common.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.ETag;
import org.springframework.util.StringUtils;

/**
 * Optimistic concurrency over HTTP. Every resource carries a {@code version} (Spring Data {@code @Version});
 * responses send it as the strong entity tag {@code "<version>"}, and a change must send it back in
 * {@code If-Match}: without one it is refused with 428, with a stale one with 412, so two people editing the
 * same record cannot silently overwrite each other.
 * <p>
 * The tag names the version of the stored resource, which is what a change replaces; it is strong because
 * {@code If-Match} compares strongly (RFC 9110 §13.1.1). A weak {@code W/"<version>"} is accepted too, since
 * proxies that compress responses weaken the tags they pass on. {@code If-Match: *} is refused like a missing
 * header: it protects against nothing.
 */
public final class ETags {

    static final String STALE_DETAIL = "The resource has changed since you read it: read it again and retry "
            + "with its current ETag in If-Match.";

    private ETags() {
    }

    /** The {@code ETag} header value for a resource at {@code version}, e.g. {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} header names.
     *
     * @throws ApiProblem 428 when the header is missing, blank or {@code *}; 400 when it is not a list of the
     *         tags this platform issues
     */
    public static IfMatch ifMatch(String header) {
        if (!StringUtils.hasText(header)) {
            throw ApiProblem.preconditionRequired("This change needs an If-Match header with the ETag of the "
                    + "version you read, so that it cannot overwrite someone else's change.");
        }
        List<ETag> tags = ETag.parse(header);
        if (tags.stream().anyMatch(ETag::isWildcard)) {
            throw ApiProblem.preconditionRequired("If-Match: * does not say which version you read; send the "
                    + "ETag you received.");
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (ETag tag : tags) {
            versions.add(version(tag.tag(), header));
        }
        if (versions.isEmpty()) {
            throw malformed(header);
        }
        return new IfMatch(versions);
    }

    private static long version(String tag, String header) {
        if (tag.isEmpty() || tag.length() > 18 || !tag.chars().allMatch(Character::isDigit)) {
            throw malformed(header);
        }
        return Long.parseLong(tag);
    }

    private static ApiProblem malformed(String header) {
        return ApiProblem.badRequest("If-Match must carry an ETag as this service sends it, like \"3\"",
                List.of(new ApiProblem.FieldError("If-Match", "is not a quoted version tag: " + header)));
    }

    /**
     * The versions a client has seen, from its {@code If-Match}.
     *
     * @param versions one or more; a client may list several
     */
    public record IfMatch(Set<Long> versions) {

        public IfMatch {
            versions = Set.copyOf(versions);
        }

        /**
         * @throws ApiProblem 412 unless {@code currentVersion} is among the versions the client saw
         */
        public void check(Long currentVersion) {
            if (currentVersion == null || !versions.contains(currentVersion)) {
                throw ApiProblem.preconditionFailed(STALE_DETAIL);
            }
        }
    }
}
