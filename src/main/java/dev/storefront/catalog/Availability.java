package dev.storefront.catalog;

/** What a shopper may buy of one SKU right now, and how to say it. */
public record Availability(int available, int lowStockThreshold) {

    public static final Availability NONE = new Availability(0, 0);

    public boolean inStock() {
        return available > 0;
    }

    public boolean low() {
        return available > 0 && available <= lowStockThreshold;
    }

    /** "In stock", "Only 3 left" or "Out of stock". */
    public String label() {
        if (!inStock()) {
            return "Out of stock";
        }
        return low() ? "Only " + available + " left" : "In stock";
    }
}
