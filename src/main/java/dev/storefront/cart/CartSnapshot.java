package dev.storefront.cart;

import java.util.List;

/** A cart as stored, at one version; what Redis caches and PostgreSQL keeps. */
public record CartSnapshot(String id, Long userId, long version, List<CartLine> lines) {

    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public java.util.Optional<CartLine> line(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }
}
