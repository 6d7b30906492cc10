package dev.storefront.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import dev.storefront.config.StoreConfig;
import dev.storefront.web.HttpCaching;
import dev.storefront.web.StorePageLinks;

/**
 * What search engines read: {@code /robots.txt} and {@code /sitemap.xml} with every published store page,
 * category and active product. Past 50,000 addresses (the protocol's limit per file) the sitemap becomes an
 * index of numbered product files.
 */
@Path("/")
@Transactional(Transactional.TxType.SUPPORTS)
public class SitemapResource {

    static final int URLS_PER_FILE = 50_000;
    private static final String XML = "application/xml; charset=utf-8";
    private static final String CACHE = "public, max-age=3600";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Inject
    StoreConfig config;

    @Inject
    StorePageLinks storePages;

    @GET
    @Path("robots.txt")
    public Response robots(@Context Request request) {
        String body = """
                User-agent: *
                Disallow: /cart
                Disallow: /checkout
                Disallow: /account
                Disallow: /orders/
                Disallow: /admin
                Disallow: /api/
                Disallow: /search

                Sitemap: %s/sitemap.xml
                """.formatted(config.publicUrl());
        return cached(request, body, "text/plain; charset=utf-8");
    }

    @GET
    @Path("sitemap.xml")
    public Response sitemap(@Context Request request) {
        List<Category> categories = Category.listAll();
        long products = Product.count("active = true");
        List<StorePageLinks.Link> pages = storePages.published();
        if (pages.size() + categories.size() + products <= URLS_PER_FILE) {
            StringBuilder xml = urlsetStart();
            addPages(xml, pages);
            addCategories(xml, categories);
            addProducts(xml, 0, URLS_PER_FILE);
            return cached(request, xml.append("</urlset>\n").toString(), XML);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("<sitemap><loc>").append(config.publicUrl()).append("/sitemaps/categories.xml</loc></sitemap>\n");
        for (long part = 1; (part - 1) * URLS_PER_FILE < products; part++) {
            xml.append("<sitemap><loc>").append(config.publicUrl()).append("/sitemaps/products-").append(part)
                    .append(".xml</loc></sitemap>\n");
        }
        return cached(request, xml.append("</sitemapindex>\n").toString(), XML);
    }

    @GET
    @Path("sitemaps/categories.xml")
    public Response categories(@Context Request request) {
        StringBuilder xml = urlsetStart();
        addPages(xml, storePages.published());
        addCategories(xml, Category.listAll());
        return cached(request, xml.append("</urlset>\n").toString(), XML);
    }

    @GET
    @Path("sitemaps/products-{part: [0-9]{1,6}}.xml")
    public Response products(@PathParam("part") int part, @Context Request request) {
        if (part < 1 || (long) (part - 1) * URLS_PER_FILE >= Product.count("active = true")) {
            throw new NotFoundException("No sitemap part " + part);
        }
        StringBuilder xml = urlsetStart();
        addProducts(xml, (part - 1) * URLS_PER_FILE, URLS_PER_FILE);
        return cached(request, xml.append("</urlset>\n").toString(), XML);
    }

    private StringBuilder urlsetStart() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }

    private void addPages(StringBuilder xml, List<StorePageLinks.Link> pages) {
        for (StorePageLinks.Link page : pages) {
            url(xml, page.url(), page.updatedAt());
        }
    }

    private void addCategories(StringBuilder xml, List<Category> categories) {
        for (Category category : categories) {
            url(xml, "/c/" + category.slug, category.updatedAt);
        }
    }

    private void addProducts(StringBuilder xml, int offset, int limit) {
        List<Object[]> rows = Product.getEntityManager().createQuery(
                "select p.slug, p.updatedAt from Product p where p.active = true order by p.id", Object[].class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        for (Object[] row : rows) {
            url(xml, "/p/" + row[0], (Instant) row[1]);
        }
    }

    private void url(StringBuilder xml, String path, Instant modified) {
        xml.append("<url><loc>").append(escape(config.publicUrl() + path)).append("</loc><lastmod>")
                .append(DAY.format(modified)).append("</lastmod></url>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Response cached(Request request, String body, String contentType) {
        return HttpCaching.cacheable(request, new EntityTag(HttpCaching.digest(body), true), CACHE, body, contentType);
    }
}
