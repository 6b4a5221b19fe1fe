package org.ecoplan.auth;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ecoplan.auth.provision.ProvisioningException;
import org.ecoplan.auth.provision.ProvisioningReport;
import org.ecoplan.auth.provision.RealmDefinition;
import org.ecoplan.auth.provision.RealmDefinition.Profile;
import org.ecoplan.auth.provision.RealmDefinitionException;
import org.ecoplan.auth.provision.RealmProvisioner;

/**
 * Applies the realm definition to a running Keycloak: by hand, from the launcher, or as the Kubernetes Job
 * after each deployment. Prints what it created, updated and left unchanged; {@code plan} prints what it
 * would create and update and changes nothing.
 *
 * <pre>
 * java -jar auth/target/auth-0.1.0-SNAPSHOT.jar [plan|apply] --profile local|production
 *      [--url http://localhost:8180] [--admin-user admin] [--admin-password ...]
 *      [--gateway-url https://ecoplan.example.org]...
 * </pre>
 *
 * Exit status: 0 applied, or planned with no difference; 1 the definition or Keycloak failed; 2 wrong
 * arguments; 3 planned and the realm differs from the definition.
 */
public final class ProvisionerMain {

    /** Where the admin password is read from when {@code --admin-password} is absent. */
    public static final String ADMIN_PASSWORD_VARIABLE = "KEYCLOAK_ADMIN_PASSWORD";

    /** Exit status of {@code plan} when the live realm differs from the definition. */
    static final int DIFFERS = 3;

    static final String USAGE = """
            Usage: ProvisionerMain [plan|apply] --profile local|production [options]
              plan                        print what apply would create or update; change nothing
              apply                       create or update what differs (the default)
              --profile local|production  local adds the demo accounts and clients; production is the base
                                          realm and takes every secret from the environment
              --url URL                   Keycloak's base URL (default http://localhost:8180)
              --admin-user NAME           administrator of the master realm (default admin)
              --admin-password PASSWORD   its password; prefer the environment variable %s,
                                          which other users of the machine cannot read from the process list
              --gateway-url URL           the gateway's public base URL, repeatable
                                          (default: environment variable %s; local: http://localhost:8080)
            """.formatted(ADMIN_PASSWORD_VARIABLE, RealmDefinition.GATEWAY_URLS);

    private ProvisionerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System::getenv, System.out, System.err));
    }

    static int run(String[] args, Function<String, String> environment, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            RealmDefinition definition = RealmDefinition.load(options.profile(), options.gatewayUrls(), environment);
            try (RealmProvisioner provisioner = RealmProvisioner.connect(options.url(), options.adminUser(),
                    options.adminPassword())) {
                ProvisioningReport report = options.planOnly() ? provisioner.plan(definition)
                        : provisioner.apply(definition);
                out.println(report);
                return options.planOnly() && report.changed() ? DIFFERS : 0;
            }
        } catch (RealmDefinitionException | ProvisioningException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The parsed command line. */
    record Options(boolean planOnly, Profile profile, String url, String adminUser, String adminPassword,
            List<String> gatewayUrls) {

        static Options parse(String[] args, Function<String, String> environment) {
            boolean planOnly = false;
            int first = 0;
            // The command is optional so that existing callers (./platform up, the Kubernetes Job) keep applying.
            if (args.length > 0 && (args[0].equals("plan") || args[0].equals("apply"))) {
                planOnly = args[0].equals("plan");
                first = 1;
            }
            Profile profile = null;
            String url = "http://localhost:8180";
            String adminUser = "admin";
            String adminPassword = null;
            List<String> gatewayUrls = new ArrayList<>();
            for (int i = first; i < args.length; i++) {
                String argument = args[i];
                String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
                String value;
                if (argument.contains("=")) {
                    value = argument.substring(argument.indexOf('=') + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    value = null;
                }
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                switch (option) {
                    case "--profile" -> profile = Profile.parse(value);
                    case "--url" -> url = value;
                    case "--admin-user" -> adminUser = value;
                    case "--admin-password" -> adminPassword = value;
                    case "--gateway-url" -> gatewayUrls.add(value);
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            // No default profile: a forgotten flag must not put demo accounts with published passwords
            // into a production realm.
            if (profile == null) {
                throw new IllegalArgumentException("--profile is required");
            }
            if (!url.matches("https?://[^/?#]+(/[^?#]*)?")) {
                throw new IllegalArgumentException("--url must be Keycloak's http(s) base URL, not '" + url + "'");
            }
            if (adminPassword == null) {
                adminPassword = environment.apply(ADMIN_PASSWORD_VARIABLE);
            }
            if (adminPassword == null || adminPassword.isBlank()) {
                throw new IllegalArgumentException("No admin password: set " + ADMIN_PASSWORD_VARIABLE
                        + " or pass --admin-password");
            }
            return new Options(planOnly, profile, url, adminUser, adminPassword, List.copyOf(gatewayUrls));
        }

        @Override
        public String toString() {
            return "Options[planOnly=" + planOnly + ", profile=" + profile + ", url=" + url + ", adminUser=" + adminUser
                    + ", adminPassword=***, gatewayUrls=" + gatewayUrls + "]";
        }
    }
}
