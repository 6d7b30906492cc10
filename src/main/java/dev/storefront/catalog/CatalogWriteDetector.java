package dev.storefront.catalog;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Notices, per request, SQL that writes the catalog's tables (through entities or native queries), so
 * that only those requests wait for their changes to reach the read models ({@link ReadYourWrites}):
 * adding to a cart or signing in does not.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CatalogWriteDetector implements StatementInspector {

    private static final Pattern CATALOG_WRITE = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+(?:products|variants|stock_levels|categories|store_pages)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Whether this request has written the catalog. */
    @RequestScoped
    public static class WrittenInThisRequest {
        private volatile boolean written;

        void mark() {
            written = true;
        }

        boolean written() {
            return written;
        }
    }

    @Override
    public String inspect(String sql) {
        if (mayWrite(sql) && CATALOG_WRITE.matcher(sql).find() && Arc.container().requestContext().isActive()) {
            Arc.container().instance(WrittenInThisRequest.class).get().mark();
        }
        return sql;
    }

    /** A cheap first look: reads (select, with) are most statements. */
    private static boolean mayWrite(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = Character.toLowerCase(sql.charAt(i));
            if (!Character.isWhitespace(c)) {
                return c == 'i' || c == 'u' || c == 'd';
            }
        }
        return false;
    }
}
