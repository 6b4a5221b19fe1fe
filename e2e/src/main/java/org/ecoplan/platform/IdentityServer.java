package org.ecoplan.platform;

import org.ecoplan.auth.keycloak.KeycloakRunner;
import org.ecoplan.auth.provision.ProvisioningReport;
import org.ecoplan.auth.provision.RealmDefinition;
import org.ecoplan.auth.provision.RealmProvisioner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** The platform's Keycloak: started from the Maven-resolved distribution, provisioned with the local realm. */
final class IdentityServer {

    private final PlatformSettings settings;

    IdentityServer(PlatformSettings settings) {
        this.settings = settings;
    }

    Path home() {
        return settings.stateDir().resolve("keycloak");
    }

    Path logFile() {
        return home().resolve("keycloak.log");
    }

    /** Ready to sign an admin in: provisioning may start. */
    Readiness readiness() {
        return Readiness.httpOk(settings.keycloakUrl() + "/realms/master/.well-known/openid-configuration");
    }

    ProcessHandle start() {
        KeycloakRunner runner = KeycloakRunner.builder(home())
                .httpPort(settings.ports().keycloak())
                .bootstrapAdmin(settings.keycloakAdminUser(), settings.keycloakAdminPassword())
                .start();
        return ProcessHandle.of(runner.pid())
                .orElseThrow(() -> new IllegalStateException("Keycloak exited at once; see " + logFile()));
    }

    void awaitReady(Duration timeout) {
        KeycloakRunner.attach(home())
                .orElseThrow(() -> new IllegalStateException("Keycloak was not started from " + home()))
                .awaitReady(timeout);
    }

    /** Applies the local realm create-or-update, so a restart of the platform keeps users' changes. */
    void provision(PrintStream out) {
        RealmDefinition realm = RealmDefinition.local(settings.gatewayUrl());
        try (RealmProvisioner provisioner = RealmProvisioner.connect(settings.keycloakUrl(),
                settings.keycloakAdminUser(), settings.keycloakAdminPassword())) {
            ProvisioningReport report = provisioner.apply(realm);
            out.printf("  realm %s: %d created, %d updated, %d unchanged%n", report.realm(),
                    report.count(ProvisioningReport.Outcome.CREATED), report.count(ProvisioningReport.Outcome.UPDATED),
                    report.count(ProvisioningReport.Outcome.UNCHANGED));
        }
    }

    /** Stops every process of this Keycloak, including a server JVM its script left behind. */
    void stop() {
        KeycloakRunner.attach(home()).ifPresent(KeycloakRunner::stop);
    }
}
