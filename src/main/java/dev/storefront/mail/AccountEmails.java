package dev.storefront.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import dev.storefront.config.StoreConfig;

/** The emails an account gets: a password reset link and an email-change confirmation (HTML and text). */
@ApplicationScoped
public class AccountEmails {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    StoreConfig config;

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance passwordReset(String storeName, String name, String link);

        static native MailTemplateInstance emailChange(String storeName, String name, String link);
    }

    /** Sends and waits until the SMTP server has accepted the message. */
    public void passwordReset(String to, String name, String link) {
        Templates.passwordReset(config.name(), name, link).to(to)
                .subject("Reset your " + config.name() + " password").send().await().atMost(SEND_TIMEOUT);
    }

    public void emailChange(String to, String name, String link) {
        Templates.emailChange(config.name(), name, link).to(to)
                .subject("Confirm your new email address for " + config.name()).send().await().atMost(SEND_TIMEOUT);
    }
}
