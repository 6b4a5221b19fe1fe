package org.ecoplan.auth.provision;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What one {@link RealmProvisioner#apply} run did to each item of the definition, in the order applied. */
public record ProvisioningReport(String realm, List<Item> items) {

    public enum Kind {
        REALM("realm"), USER_PROFILE_ATTRIBUTE("user-profile attribute"), ROLE("role"), GROUP("group"),
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
        CREATED, UPDATED, UNCHANGED
    }

    /**
     * One item of the definition.
     *
     * @param changes what was changed on an item that already existed (field paths, memberships, mappers),
     *                or what was added after creating it; never a secret's value
     */
    public record Item(Kind kind, String name, Outcome outcome, List<String> changes) {

        public Item {
            changes = List.copyOf(changes);
        }

        @Override
        public String toString() {
            return kind + " " + name + ": " + outcome.name().toLowerCase(Locale.ROOT)
                    + (changes.isEmpty() ? "" : " (" + String.join(", ", changes) + ")");
        }
    }

    public ProvisioningReport {
        items = List.copyOf(items);
    }

    /** Whether the run changed anything in Keycloak. */
    public boolean changed() {
        return items.stream().anyMatch(item -> item.outcome() != Outcome.UNCHANGED);
    }

    public Optional<Item> item(Kind kind, String name) {
        return items.stream().filter(item -> item.kind() == kind && item.name().equals(name)).findFirst();
    }

    public long count(Outcome outcome) {
        return items.stream().filter(item -> item.outcome() == outcome).count();
    }

    /** One line per item, then a total; what ProvisionerMain prints. */
    @Override
    public String toString() {
        return items.stream().map(Item::toString).collect(Collectors.joining("\n", "", "\n"))
                + "realm " + realm + ": " + count(Outcome.CREATED) + " created, " + count(Outcome.UPDATED)
                + " updated, " + count(Outcome.UNCHANGED) + " unchanged";
    }
}
