package dev.storefront.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

/**
 * The SKUs a cart holds, as they sell now, read from the database each time the cart is shown or added
 * to: the cart tells the truth about stock and prices the moment they change, however they changed (a
 * kept copy would lag behind changes announced by other instances or made with SQL).
 */
@ApplicationScoped
public class VariantsForSale {

    /**
     * Active variants of active products among these SKUs, by SKU; the others are left out. Runs in the
     * caller's transaction.
     */
    public Map<String, VariantForSale> bySku(Collection<String> skus) {
        Map<String, VariantForSale> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        // plain JDBC on the transaction's connection: one statement whatever the number of SKUs (an array,
        // not an IN list), with no entities to load and no result-set metadata to look up
        Variant.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select v.sku, p.name, p.slug,
                           coalesce((select string_agg(a.value, ' / ' order by a.n)
                                     from jsonb_each_text(v.attributes) with ordinality as a(key, value, n)), ''),
                           p.images ->> 0, v.price_amount, v.currency, greatest(coalesce(s.on_hand - s.reserved, 0), 0)
                    from variants v join products p on p.id = v.product_id
                    left join stock_levels s on s.variant_id = v.id
                    where v.sku = any(?) and v.active and p.active""")) {
                statement.setArray(1, connection.createArrayOf("text", skus.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        VariantForSale variant = new VariantForSale(rows.getString(1), rows.getString(2),
                                rows.getString(3), rows.getString(4), rows.getString(5), rows.getLong(6),
                                rows.getString(7), rows.getInt(8));
                        found.put(variant.sku(), variant);
                    }
                }
            }
        });
        return found;
    }
}
