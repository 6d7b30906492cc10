package dev.storefront.web;

import java.time.Year;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.storefront.config.StoreConfig;

/** What the page frame (templates/layout.html) shows on every page, as {@code {cdi:layout.…}}. */
@RequestScoped
@Named("layout")
public class LayoutData {

    @Inject
    StoreConfig config;

    public String storeName() {
        return config.name();
    }

    /** The address the shop is reached at, for canonical links, Open Graph tags and the sitemap. */
    public String publicUrl() {
        return config.publicUrl();
    }

    public int year() {
        return Year.now().getValue();
    }
}
