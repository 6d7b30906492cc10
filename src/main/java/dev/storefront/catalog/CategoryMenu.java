package dev.storefront.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storefront.web.SiteMenu;

/** The header's category menu: the departments and their categories, from the category tree in memory. */
@ApplicationScoped
class CategoryMenu implements SiteMenu {

    @Inject
    CatalogService catalog;

    @Override
    public List<Entry> departments() {
        return catalog.categoryTree().departments().stream().map(CategoryMenu::entry).toList();
    }

    private static Entry entry(CategoryView category) {
        return new Entry(category.name(), "/c/" + category.slug(),
                category.children().stream().map(CategoryMenu::entry).toList());
    }
}
