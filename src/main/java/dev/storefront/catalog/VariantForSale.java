package dev.storefront.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.storefront.money.Money;

/**
 * A SKU as a cart sells it: what its line shows, what it costs now and how many units can be bought,
 * read in one query for a whole cart (no entities loaded, nothing for the session to check at commit).
 *
 * @param label the variant's attributes, "M / Blue"; empty when it has none
 */
public record VariantForSale(String sku, String productName, String productSlug, String label, String image,
        long priceAmount, String currency, int available) {

    public Money price() {
        return Money.of(priceAmount, currency);
    }

    /** Active variants of active products among these SKUs, by SKU; the others are left out. */
    @SuppressWarnings("unchecked")
    public static Map<String, VariantForSale> of(Collection<String> skus) {
        Map<String, VariantForSale> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        // one statement whatever the number of SKUs (an array, not an IN list), so it is planned once
        List<Object[]> rows = Variant.getEntityManager().createNativeQuery("""
                select v.sku, p.name, p.slug,
                       coalesce((select string_agg(a.value, ' / ' order by a.n)
                                 from jsonb_each_text(v.attributes) with ordinality as a(key, value, n)), ''),
                       p.images ->> 0, v.price_amount, v.currency, greatest(coalesce(s.on_hand - s.reserved, 0), 0)
                from variants v join products p on p.id = v.product_id
                left join stock_levels s on s.variant_id = v.id
                where v.sku = any(?1) and v.active and p.active""")
                .setParameter(1, skus.toArray(String[]::new)).getResultList();
        for (Object[] row : rows) {
            VariantForSale variant = new VariantForSale((String) row[0], (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4], ((Number) row[5]).longValue(), (String) row[6],
                    ((Number) row[7]).intValue());
            found.put(variant.sku(), variant);
        }
        return found;
    }
}
