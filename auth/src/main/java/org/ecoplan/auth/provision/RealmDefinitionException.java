package org.ecoplan.auth.provision;

import java.util.List;

/** The realm definition cannot be used: a setting is missing or the content contradicts itself. */
public class RealmDefinitionException extends RuntimeException {

    private final List<String> problems;

    RealmDefinitionException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    RealmDefinitionException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
