package dev.storefront.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order, frozen when the order was made: later catalog edits never change it. */
@Embeddable
public class OrderLine {

    @Column(name = "variant_id")
    public long variantId;
    public String sku;
    public String name;
    public String variantLabel = "";
    @Column(name = "unit_price_amount")
    public long unitPriceAmount;
    public int quantity;
    @Column(name = "line_total_amount")
    public long lineTotalAmount;
    /** What promotions took off this line; the line was paid {@code lineTotalAmount - discountAmount}. */
    @Column(name = "discount_amount")
    public long discountAmount;

    /** What the shopper paid for the line: its total less its discount; a refund of it gives back no more. */
    public long paidAmount() {
        return lineTotalAmount - discountAmount;
    }
}
