package dev.storefront.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.web.SiteMenu;

/**
 * The header's category menu: the departments and their categories, from the category tree in memory,
 * rendered once (every shopper page shows the same menu) and again after a catalog change.
 */
@ApplicationScoped
class CategoryMenu implements SiteMenu {

    @Inject
    CatalogService catalog;

    private final ReadModelCache<String, String> rendered;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance menu(List<Entry> departments);
    }

    @Inject
    CategoryMenu(CatalogChanges changes, MeterRegistry registry) {
        rendered = new ReadModelCache<>("menu", 1, changes::cacheable, registry);
    }

    void onCatalogChanged(@Observes CatalogChanged change) {
        rendered.invalidateAll();
    }

    @Override
    public String html() {
        return rendered.get("menu", key -> Templates.menu(departments()).render());
    }

    private List<Entry> departments() {
        return catalog.categoryTree().departments().stream().map(CategoryMenu::entry).toList();
    }

    private static Entry entry(CategoryView category) {
        return new Entry(category.name(), "/c/" + category.slug(),
                category.children().stream().map(CategoryMenu::entry).toList());
    }
}
