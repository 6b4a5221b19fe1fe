package org.ecoplan.risk.filing;

import java.util.Set;

/**
 * Where a filing stands. The transitions ({@link #canBecome}):
 * <pre>
 * DRAFT ──submit──► SUBMITTED ──accept──► FILED ──level raised──► REVISION_REQUIRED
 *                    ▲      │                 │                        │
 *          refile    │      return            └──── newer plan filed ──┴──► SUPERSEDED
 *                    │      ▼
 *                    RETURNED
 * </pre>
 * The enterprise edits its filing (details, documents) only in DRAFT and RETURNED. A returned filing is refiled
 * into the same filing, keeping its history. REVISION_REQUIRED is reached when the enterprise's current risk level
 * is above the filed one; the enterprise then files its revised plan as a new filing, and accepting that one
 * supersedes the old.
 */
public enum FilingStatus {
    DRAFT("草稿"),
    SUBMITTED("待审查"),
    RETURNED("退回补正"),
    FILED("已备案"),
    REVISION_REQUIRED("需修订"),
    SUPERSEDED("已被新备案取代");

    /** A plan in force: its filing number stands in the public list and its review deadline runs. */
    public static final Set<FilingStatus> IN_FORCE = Set.of(FILED, REVISION_REQUIRED);

    private final String zh;

    FilingStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    public boolean canBecome(FilingStatus next) {
        return switch (this) {
            case DRAFT, RETURNED -> next == SUBMITTED;
            case SUBMITTED -> next == FILED || next == RETURNED;
            case FILED -> next == REVISION_REQUIRED || next == SUPERSEDED;
            case REVISION_REQUIRED -> next == SUPERSEDED;
            case SUPERSEDED -> false;
        };
    }
}
