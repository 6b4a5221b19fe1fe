package org.ecoplan.platform;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code ./platform up | down | status | logfile NAME}: the local platform for development and demos. */
public final class PlatformCli {

    private PlatformCli() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("ecoplan.root", ".")).toAbsolutePath().normalize();
        Platform platform = new Platform(PlatformSettings.local(root));
        PrintStream out = System.out;
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> {
                try {
                    if (platform.up(out)) {
                        printWelcome(platform.settings(), out);
                    }
                } catch (RuntimeException e) {
                    System.err.println(e.getMessage());
                    System.exit(1);
                }
            }
            case "down" -> {
                platform.down(out);
                out.println("EcoPlan is stopped.");
            }
            case "status" -> {
                platform.printStatus(out);
                System.exit(platform.status().stream().allMatch(s -> s.state().equals("UP")) ? 0 : 3);
            }
            case "logfile" -> {
                String name = args.length > 1 ? args[1] : "";
                platform.components().stream().filter(c -> c.name().equals(name)).findFirst().ifPresentOrElse(
                        c -> out.println(c.logFile()),
                        () -> {
                            System.err.println("no component '" + name + "'; one of: " + platform.components()
                                    .stream().map(Platform.Component::name).toList());
                            System.exit(2);
                        });
            }
            default -> {
                System.err.println("usage: ./platform up | down | status | logs NAME");
                System.exit(2);
            }
        }
    }

    private static void printWelcome(PlatformSettings settings, PrintStream out) {
        out.printf("""

                EcoPlan is running.
                  Portal and APIs   %1$s/
                  Keycloak          %2$s/admin/  (admin / admin, local only)
                  Swagger UI        %3$s/swagger-ui.html, %4$s/swagger-ui.html, %5$s/swagger-ui.html

                Demo logins (password ecoplan-demo):
                  eco-admin        platform administrator
                  env-editor       editor, 生态环境局岳阳楼分局 (env)
                  water-editor     editor, 区水利局 (water)
                  viewer           read-only bureau staff
                  reviewer         emergency-plan reviewer
                  enterprise-a     enterprise user of E-430602-0001
                  enterprise-b     enterprise user of E-430602-0002

                An integrator token (client credentials):
                  curl -s -d grant_type=client_credentials -d client_id=ecoplan-integrator \\
                       -d client_secret=ecoplan-demo-secret \\
                       %2$s/realms/ecoplan/protocol/openid-connect/token
                Then: curl -H "Authorization: Bearer $TOKEN" %1$s/api/v1/indicators

                ./platform status | logs NAME | down
                """, settings.gatewayUrl(), settings.keycloakUrl(), "http://localhost:" + settings.ports().indicator(),
                "http://localhost:" + settings.ports().project(), "http://localhost:" + settings.ports().risk());
    }
}
