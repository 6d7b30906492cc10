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

    public int year() {
        return Year.now().getValue();
    }
}
