package dev.storefront.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Everything under {@code /admin} and {@code /api/v1/admin} needs a back-office role (admin or staff),
 * whatever the resource declares, so that a new admin route cannot be left open by forgetting an
 * annotation. Anonymous visitors are sent to sign in (pages) or get 401 (API); other accounts get 403.
 * Staff are kept to their areas ({@link StoreRoles#staffArea}) before matching too, so that a route of the
 * admin's answers them 403 whatever its method or media type; each resource declares its roles as well.
 */
public class AdminGuard {

    @Inject
    CurrentIdentityAssociation identities;

    /** Before matching, so that even a wrong method, media type or path under /admin learns nothing. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Void> requireAdmin(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!isAdminPath(path)) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!identity.hasRole(StoreRoles.ADMIN)
                    && !(identity.hasRole(StoreRoles.STAFF) && StoreRoles.staffArea(path))) {
                throw new ForbiddenException();
            }
            return null;
        });
    }

    static boolean isAdminPath(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.equals("/api/v1/admin")
                || path.startsWith("/api/v1/admin/");
    }
}
