package dev.storefront.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.config.StoreConfig;

/**
 * The emails an account gets: a password reset link and an email-change confirmation (HTML and text).
 * They go through the outbox like order emails, so a slow or absent SMTP server never holds up the
 * shopper's request, and a failed send is retried.
 */
@ApplicationScoped
public class AccountEmails {

    @Inject
    StoreConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance passwordReset(String storeName, String name, String link);

        static native TemplateInstance passwordResetText(String storeName, String name, String link);

        static native TemplateInstance emailChange(String storeName, String name, String link);

        static native TemplateInstance emailChangeText(String storeName, String name, String link);
    }

    /** Queues the email in the caller's transaction. */
    public void passwordReset(String to, String name, String link) {
        queue("PASSWORD_RESET", to, "Reset your " + config.name() + " password",
                Templates.passwordReset(config.name(), name, link), Templates.passwordResetText(config.name(), name, link));
    }

    public void emailChange(String to, String name, String link) {
        queue("EMAIL_CHANGE", to, "Confirm your new email address for " + config.name(),
                Templates.emailChange(config.name(), name, link), Templates.emailChangeText(config.name(), name, link));
    }

    private static void queue(String kind, String to, String subject, TemplateInstance html, TemplateInstance text) {
        OutboxEmail.queue(null, kind, to, subject, html.render(), text.render());
    }
}
