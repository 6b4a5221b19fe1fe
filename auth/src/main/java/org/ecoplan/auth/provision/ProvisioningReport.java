package org.ecoplan.auth.provision;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one {@link RealmProvisioner#apply} run did to each item of the definition, in the order applied, or
 * what {@link RealmProvisioner#plan} found it would do.
 *
 * @param planned whether nothing was changed and the outcomes are what applying would do
 */
public record ProvisioningReport(String realm, boolean planned, List<Item> items) {

    public enum Kind {
        REALM("realm"), USER_PROFILE_ATTRIBUTE("user-profile attribute"), REQUIRED_ACTION("required action"),
        ROLE("role"), GROUP("group"),
        CLIENT_SCOPE("client scope"), CLIENT("client"), USER("user");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public enum Outcome {
        CREATED("created", "to create"), UPDATED("updated", "to update"), UNCHANGED("unchanged", "unchanged");

        private final String done;
        private final String planned;

        Outcome(String done, String planned) {
            this.done = done;
            this.planned = planned;
        }

        String label(boolean planning) {
            return planning ? planned : done;
        }
    }

    /**
     * One item of the definition.
     *
     * @param changes what was (or would be) changed on an item that already existed (field paths,
     *                memberships, mappers), or what was added after creating it; never a secret's value
     */
    public record Item(Kind kind, String name, Outcome outcome, List<String> changes) {

        public Item {
            changes = List.copyOf(changes);
        }

        @Override
        public String toString() {
            return describe(false);
        }

        String describe(boolean planning) {
            return kind + " " + name + ": " + outcome.label(planning)
                    + (changes.isEmpty() ? "" : " (" + String.join(", ", changes) + ")");
        }
    }

    public ProvisioningReport {
        items = List.copyOf(items);
    }

    /** Whether the run changed anything in Keycloak, or for a plan whether applying would. */
    public boolean changed() {
        return items.stream().anyMatch(item -> item.outcome() != Outcome.UNCHANGED);
    }

    public Optional<Item> item(Kind kind, String name) {
        return items.stream().filter(item -> item.kind() == kind && item.name().equals(name)).findFirst();
    }

    public long count(Outcome outcome) {
        return items.stream().filter(item -> item.outcome() == outcome).count();
    }

    /** What differs between the definition and the realm: the items created or updated, or to be. */
    public List<Item> differences() {
        return items.stream().filter(item -> item.outcome() != Outcome.UNCHANGED).toList();
    }

    /** One line per item, then a total; what ProvisionerMain prints. */
    @Override
    public String toString() {
        return items.stream().map(item -> item.describe(planned)).collect(Collectors.joining("\n", "", "\n"))
                + "realm " + realm + (planned ? " (plan, nothing changed)" : "") + ": "
                + Stream.of(Outcome.values()).map(outcome -> count(outcome) + " " + outcome.label(planned))
                        .collect(Collectors.joining(", "));
    }
}
