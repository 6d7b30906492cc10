package dev.storefront.promotion;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A code of a promotion, kept upper-case (shoppers may type it in any case); bulk codes are single-use. */
@Entity
@Table(name = "promotion_codes")
public class PromotionCode extends PanacheEntityBase {

    @Id
    public String code;
    public long promotionId;
    public Integer usageLimit;
    public int uses;
    public Instant createdAt = Instant.now();

    /** What a shopper typed as the stored form: trimmed, upper-case; null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z0-9][A-Z0-9_-]{0,39}") ? code : null;
    }
}
