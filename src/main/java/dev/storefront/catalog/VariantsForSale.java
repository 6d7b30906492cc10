package dev.storefront.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.storefront.db.PlainJdbc;

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
        // one statement whatever the number of SKUs (an array, not an IN list)
        for (VariantForSale variant : PlainJdbc.list(Variant.getEntityManager(), """
                select v.sku, p.name, p.slug,
                       coalesce((select string_agg(a.value, ' / ' order by a.n)
                                 from jsonb_each_text(v.attributes) with ordinality as a(key, value, n)), ''),
                       p.images ->> 0, v.price_amount, v.currency, greatest(coalesce(s.on_hand - s.reserved, 0), 0)
                from variants v join products p on p.id = v.product_id
                left join stock_levels s on s.variant_id = v.id
                where v.sku = any(?) and v.active and p.active""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", skus.toArray())),
                row -> new VariantForSale(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), row.getString(7), row.getInt(8)))) {
            found.put(variant.sku(), variant);
        }
        return found;
    }
}
