package dev.storefront.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads and changes stock per SKU. */
@ApplicationScoped
public class InventoryService {

    /** Availability keyed by variant id; a variant without a stock row has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Availability> availabilityOf(Collection<Long> variantIds) {
        Map<Long, Availability> result = new HashMap<>();
        if (variantIds.isEmpty()) {
            return result;
        }
        for (StockLevel level : StockLevel.<StockLevel>list("variantId in ?1", variantIds)) {
            result.put(level.variantId, new Availability(level.available(), level.lowStockThreshold));
        }
        for (Long id : variantIds) {
            result.putIfAbsent(id, Availability.NONE);
        }
        return result;
    }
}
