package dev.storefront.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every category, read once: departments in display order, each with its subcategories, and lookups by slug. */
public final class CategoryTree {

    private final List<CategoryView> departments;
    private final Map<String, CategoryView> bySlug = new HashMap<>();
    private final Map<Long, CategoryView> byId = new HashMap<>();

    /** From categories in display order (position, then name). */
    CategoryTree(List<Category> ordered) {
        Map<Long, List<Category>> childrenOf = new HashMap<>();
        List<Category> roots = new ArrayList<>();
        for (Category category : ordered) {
            if (category.parent == null) {
                roots.add(category);
            } else {
                // the parent's id is known to a lazy reference without another query
                childrenOf.computeIfAbsent(category.parent.id, id -> new ArrayList<>()).add(category);
            }
        }
        this.departments = roots.stream().map(root -> view(root, childrenOf)).toList();
    }

    private CategoryView view(Category category, Map<Long, List<Category>> childrenOf) {
        List<CategoryView> children = childrenOf.getOrDefault(category.id, List.of()).stream()
                .map(child -> view(child, childrenOf)).toList();
        CategoryView view = new CategoryView(category.id, category.slug, category.name, category.description,
                category.parent == null ? null : category.parent.id, children);
        bySlug.put(view.slug(), view);
        byId.put(view.id(), view);
        return view;
    }

    public List<CategoryView> departments() {
        return departments;
    }

    public Optional<CategoryView> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The category and its ancestors, root first. */
    public List<CategoryView> path(CategoryView category) {
        List<CategoryView> path = new ArrayList<>();
        for (CategoryView c = category; c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
            path.add(0, c);
        }
        return path;
    }
}
