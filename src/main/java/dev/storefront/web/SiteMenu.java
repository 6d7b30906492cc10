package dev.storefront.web;

import java.util.List;

/** The categories every page's header offers ("Shop by category"); the catalog answers it. */
public interface SiteMenu {

    /** One entry of the menu: a department and its categories, each with its page. */
    record Entry(String name, String url, List<Entry> children) {
    }

    /** The menu as HTML, escaped and ready to insert (empty when there are no categories). */
    String html();
}
