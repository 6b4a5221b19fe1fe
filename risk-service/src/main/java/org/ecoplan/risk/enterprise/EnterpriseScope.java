package org.ecoplan.risk.enterprise;

import java.util.Optional;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.springframework.data.mongodb.core.query.Criteria;

/** Which enterprises a caller may see: the whole district, or only its own enterprise. */
public sealed interface EnterpriseScope {

    /**
     * An {@code enterprise} account is limited to its {@code enterprise_id} even if it also holds another
     * role: such a mix is a provisioning mistake, and it must not widen what an enterprise sees. Without an
     * {@code enterprise_id} it sees nothing.
     */
    static EnterpriseScope of(EcoPrincipal principal) {
        return principal.hasRole(PlatformRoles.ENTERPRISE)
                ? new OwnEnterprise(principal.enterpriseId())
                : new District();
    }

    /** The filter on {@code enterprises}; empty for the whole district. */
    default Criteria criteria() {
        return criteria("_id");
    }

    /** The filter on documents that name their enterprise's id in {@code field}; empty for the whole district. */
    Criteria criteria(String field);

    boolean permits(String enterpriseId);

    /** Bureau staff, reviewers and integrators. */
    record District() implements EnterpriseScope {

        @Override
        public Criteria criteria(String field) {
            return new Criteria();
        }

        @Override
        public boolean permits(String enterpriseId) {
            return true;
        }
    }

    record OwnEnterprise(Optional<String> enterpriseId) implements EnterpriseScope {

        @Override
        public Criteria criteria(String field) {
            return Criteria.where(field).in(enterpriseId.stream().toList());
        }

        @Override
        public boolean permits(String id) {
            return enterpriseId.filter(id::equals).isPresent();
        }
    }
}
