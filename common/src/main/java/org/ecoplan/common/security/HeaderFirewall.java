package org.ecoplan.common.security;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with its header rules written as a loop over the code points instead of as
 * regular expressions: the same rules (assigned characters only and no control characters, but for the tab in
 * values), at a fraction of the cost for the 1.3 KB bearer token every API request carries. Matched character by
 * character, that token's value took about 3 % of the gateway's processor time under load.
 */
public final class HeaderFirewall {

    private HeaderFirewall() {
    }

    /** The strict firewall, with these header rules. */
    public static StrictServerWebExchangeFirewall strict() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderFirewall::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderFirewall::isAllowedValue);
        return firewall;
    }

    static boolean isAllowedName(String name) {
        return name == null || onlyAssignedNonControl(name, false);
    }

    static boolean isAllowedValue(String value) {
        return value == null || onlyAssignedNonControl(value, true);
    }

    private static boolean onlyAssignedNonControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length();) {
            char c = text.charAt(i);
            // Printable ASCII, all of a token, is assigned and no control character: no lookup in Unicode's tables.
            if (c >= ' ' && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            boolean control = Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t');
            if (control || Character.getType(codePoint) == Character.UNASSIGNED) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
