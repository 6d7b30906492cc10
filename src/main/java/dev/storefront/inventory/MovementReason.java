package dev.storefront.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Why stock on hand changed; each inventory movement carries one. */
public enum MovementReason {
    RECEIVED("Received from a supplier", true),
    RETURNED("Returned by a customer", true),
    DAMAGED("Damaged", true),
    LOST("Lost or stolen", true),
    COUNT_CORRECTION("Count correction", true),
    IMPORT("CSV import", false),
    SALE("Sold", false),
    ORDER_CANCELLED("Paid order cancelled", false);

    private final String label;
    private final boolean manual;

    MovementReason(String label, boolean manual) {
        this.label = label;
        this.manual = manual;
    }

    public String label() {
        return label;
    }

    /** The reasons an admin may give by hand; the others are written by the store itself. */
    public static List<MovementReason> manual() {
        return Arrays.stream(values()).filter(r -> r.manual).toList();
    }

    /** "received", "count-correction" or "COUNT_CORRECTION" alike; only reasons an admin may give. */
    public static Optional<MovementReason> parseManual(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return manual().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public static String manualChoices() {
        return String.join(", ", manual().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
    }
}
