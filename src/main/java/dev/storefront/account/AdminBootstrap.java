package dev.storefront.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.storefront.config.StoreConfig;

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the store has no admin yet. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    StoreConfig config;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (User.anyAdmin()) {
            return;
        }
        String email = config.admin().email().trim();
        User admin = User.findByEmail(email).orElseGet(User::new);
        admin.email = email;
        admin.name = admin.name.isBlank() ? "Store admin" : admin.name;
        admin.roles = User.Access.ADMIN.roles;
        admin.setPassword(config.admin().password());
        admin.persist();
        LOG.infof("Created the first admin account %s", email);
    }
}
