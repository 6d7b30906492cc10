package dev.storefront.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;

import dev.storefront.audit.AuditLog;
import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.catalog.Slugs;
import dev.storefront.web.StorePageLinks;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;

/**
 * The store's own pages: read by shoppers at {@code /pages/{slug}}, linked from every footer, written by admins
 * in Markdown. Raw HTML in the text is escaped and links to {@code javascript:} and the like are dropped, so what
 * an admin (or whoever steals an admin's session) writes cannot run in a shopper's browser.
 * <p>
 * A change is announced to every instance by a trigger (migration V10) on the catalog's channel, which empties
 * the cached pages; the footer is read again on the next page after it.
 */
@ApplicationScoped
public class StorePages implements StorePageLinks {

    /** What an admin gives for a page; a null part of an update is left as it is. */
    public record PageInput(String title, String slug, String body, Boolean published, Boolean inFooter,
            Integer position) {
    }

    /** A page as shoppers read it. */
    public record PageView(String slug, String title, String body, String html, Instant updatedAt) {
    }

    public static final int MAX_BODY = 50_000;
    private static final Logger LOG = Logger.getLogger(StorePages.class);
    private static final Parser MARKDOWN = Parser.builder().build();
    /** Raw HTML shown as text; unsafe link schemes emptied; links out of the shop marked nofollow, the shop's own not. */
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new org.commonmark.renderer.html.UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                    return safe(url);
                }

                @Override
                public String sanitizeImageUrl(String url) {
                    return safe(url);
                }
            })
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                String href = attributes.getOrDefault("href", "");
                if ("a".equals(tag) && href.startsWith("/") && !href.startsWith("//")) {
                    attributes.remove("rel");
                }
            }).build();

    @Inject
    AuditLog audit;

    private volatile List<Link> footer;

    void onChange(@Observes CatalogChanged change) {
        footer = null; // read again on the next page that shows it
    }

    /**
     * The published pages the footer links to, in their order. None on an event-loop thread before they are
     * in memory (some error pages are rendered there), or while the database cannot be read.
     */
    @Override
    public List<Link> footer() {
        List<Link> links = footer;
        if (links != null) {
            return links;
        }
        if (Context.isOnEventLoopThread()) {
            return List.of();
        }
        try {
            links = QuarkusTransaction.requiringNew().call(() -> StorePage.<StorePage>list(
                    "published = true and inFooter = true order by position, title")
                    .stream().map(StorePages::link).toList());
            footer = links;
            return links;
        } catch (RuntimeException e) {
            LOG.debugf("Footer links not read: %s", e.getMessage());
            return List.of();
        }
    }

    @Override
    @Transactional
    public List<Link> published() {
        return StorePage.<StorePage>list("published = true order by position, title").stream().map(StorePages::link)
                .toList();
    }

    private static Link link(StorePage page) {
        return new Link(page.title, url(page.slug), page.updatedAt);
    }

    public static String url(String slug) {
        return "/pages/" + slug;
    }

    /** A published page, rendered. */
    @Transactional
    public Optional<PageView> published(String slug) {
        return StorePage.<StorePage>find("slug = ?1 and published = true", slug).firstResultOptional().map(StorePages::view);
    }

    @Transactional
    public List<PageView> allPublished() {
        return StorePage.<StorePage>list("published = true order by position, title").stream().map(StorePages::view)
                .toList();
    }

    static PageView view(StorePage page) {
        return new PageView(page.slug, page.title, page.body, html(page.body), page.updatedAt);
    }

    /** Links and pictures only to the web, mail, phones and the shop itself: no javascript:, data:, vbscript:. */
    static String safe(String url) {
        String clean = url == null ? "" : url.strip();
        String lower = clean.toLowerCase(java.util.Locale.ROOT);
        boolean relative = !clean.contains(":") || clean.indexOf(':') > clean.replaceAll("[/?#].*", "").length();
        return relative || lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                || lower.startsWith("tel:") ? clean : "";
    }

    /** Markdown as HTML, with any HTML in it shown as text. */
    public static String html(String markdown) {
        return HTML.render(MARKDOWN.parse(markdown == null ? "" : markdown));
    }

    @Transactional
    public <T> List<T> all(Function<StorePage, T> as) {
        return StorePage.<StorePage>list("order by position, title").stream().map(as).toList();
    }

    @Transactional
    public <T> T page(long id, Function<StorePage, T> as) {
        return as.apply(find(id));
    }

    @Transactional
    public StorePage create(PageInput input, String actor) {
        StorePage page = new StorePage();
        apply(page, input, true);
        page.persist();
        audit.record(actor, "page.create", "page", page.slug, null, snapshot(page));
        return page;
    }

    @Transactional
    public StorePage update(long id, PageInput input, String actor) {
        StorePage page = find(id);
        Map<String, Object> before = snapshot(page);
        apply(page, input, false);
        page.updatedAt = Instant.now();
        audit.record(actor, "page.update", "page", page.slug, before, snapshot(page));
        return page;
    }

    @Transactional
    public void delete(long id, String actor) {
        StorePage page = find(id);
        audit.record(actor, "page.delete", "page", page.slug, snapshot(page), null);
        page.delete();
    }

    private static StorePage find(long id) {
        StorePage page = StorePage.findById(id);
        if (page == null) {
            throw new NotFoundException("No store page " + id);
        }
        return page;
    }

    /** Checks everything first and changes the page only when all is well (a query would flush a half change). */
    private static void apply(StorePage page, PageInput input, boolean creating) {
        InvalidInputException.requireBody(input);
        List<FieldError> errors = new ArrayList<>();
        String title = page.title;
        if (input.title() != null || creating) {
            title = input.title() == null ? "" : input.title().strip();
            if (title.isEmpty() || title.length() > 120) {
                errors.add(new FieldError("title", "is required, at most 120 characters"));
            }
        }
        String slug = page.slug;
        if (input.slug() != null || creating) {
            slug = input.slug() == null || input.slug().isBlank() ? slugOf(title) : input.slug().strip();
            if (!Slugs.isValid(slug) || slug.length() > 80) {
                errors.add(new FieldError("slug", "must be 1-80 lowercase letters, digits and single hyphens"));
            } else if (StorePage.count("slug = ?1 and id <> ?2", slug, page.id == null ? -1L : page.id) > 0) {
                errors.add(new FieldError("slug", "is the address of another page"));
            }
        }
        String body = page.body;
        if (input.body() != null || creating) {
            body = input.body() == null ? "" : input.body().replace("\r\n", "\n");
            if (body.length() > MAX_BODY) {
                errors.add(new FieldError("body", "at most " + MAX_BODY + " characters"));
            }
        }
        if (input.position() != null && (input.position() < 0 || input.position() > 1000)) {
            errors.add(new FieldError("position", "must be a whole number from 0 to 1000"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        page.title = title;
        page.slug = slug;
        page.body = body;
        if (input.published() != null) {
            page.published = input.published();
        }
        if (input.inFooter() != null) {
            page.inFooter = input.inFooter();
        }
        if (input.position() != null) {
            page.position = input.position();
        }
    }

    /** The title as an address, cut at a hyphen to at most 80 characters. */
    static String slugOf(String title) {
        String slug = Slugs.slugify(title == null ? "" : title);
        if (slug.length() <= 80) {
            return slug;
        }
        String cut = slug.substring(0, 80);
        int hyphen = cut.lastIndexOf('-');
        return hyphen > 0 ? cut.substring(0, hyphen) : cut;
    }

    private static Map<String, Object> snapshot(StorePage page) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slug", page.slug);
        map.put("title", page.title);
        map.put("published", page.published);
        map.put("inFooter", page.inFooter);
        map.put("position", page.position);
        map.put("body", page.body);
        return map;
    }
}
