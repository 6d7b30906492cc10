package dev.storefront.fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import dev.storefront.mail.OrderEmails;
import dev.storefront.mail.OutboxEmail;
import dev.storefront.order.Order;
import dev.storefront.order.OrderEvent;
import dev.storefront.order.OrderStatus;
import dev.storefront.order.Refund;
import dev.storefront.payment.Payment;
import dev.storefront.web.MoneyFormat;

/** Finds orders for the admin: by status, date, customer, number or free text. */
@ApplicationScoped
public class OrderQueries {

    /**
     * What to look for and in what order; any field may be null (newest first). Dates are whole days in UTC, both
     * included; {@code minTotal} in minor units.
     */
    public record Filter(OrderStatus status, LocalDate from, LocalDate to, String customer, String text,
            Long minTotal, OrderSort sort) {
    }

    /** The orders list's orders. */
    public enum OrderSort {
        NEWEST("Newest first", Sort.descending("createdAt").and("id", Sort.Direction.Descending)),
        OLDEST("Oldest first", Sort.ascending("createdAt").and("id", Sort.Direction.Ascending)),
        TOTAL_HIGH("Highest total first", Sort.descending("totalAmount").and("id", Sort.Direction.Descending)),
        TOTAL_LOW("Lowest total first", Sort.ascending("totalAmount").and("id", Sort.Direction.Ascending));

        public final String words;
        private final Sort sort;

        OrderSort(String words, Sort sort) {
            this.words = words;
            this.sort = sort;
        }

        /** "total-high", "TOTAL_HIGH" alike; null for anything else. */
        public static OrderSort named(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (OrderSort sort : values()) {
                if (sort.name().equals(name)) {
                    return sort;
                }
            }
            return null;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** An order with everything the admin's detail shows. */
    public record Detail(Order order, Payment payment, List<Refund> refunds, List<OutboxEmail> emails,
            List<OrderEvent> history, List<OrderNote> notes) {

        /**
         * Everything that happened to the order, newest first: its moves (placed, paid, shipped with carrier and
         * tracking, delivered, cancelled, refunded), each refund, each email (sent, or waiting), and the notes.
         */
        public List<TimelineEntry> timeline() {
            List<TimelineEntry> entries = new ArrayList<>();
            for (OrderEvent event : history) {
                entries.add(new TimelineEntry(event.at, "status", event.shopperWords(), "", event.actor));
            }
            for (Refund refund : refunds) {
                entries.add(new TimelineEntry(refund.createdAt, "refund", "Refund of " + MoneyFormat.formatted(
                        refund.money(order.currency)) + " " + refund.status.name().toLowerCase(Locale.ROOT),
                        refund.reason, refund.actor));
            }
            for (OutboxEmail email : emails) {
                String what = OrderEmails.words(email.kind);
                entries.add(email.sentAt != null
                        ? new TimelineEntry(email.sentAt, "email", what + " emailed", email.recipient, "store")
                        : new TimelineEntry(email.createdAt, "email", what + " not delivered yet", email.recipient
                                + (email.lastError == null ? "" : " (" + email.attempts + " attempts: " + email.lastError
                                        + ")"), "store"));
            }
            for (OrderNote note : notes) {
                entries.add(new TimelineEntry(note.createdAt, "note", "Note", note.body, note.author));
            }
            entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
            return entries;
        }
    }

    /** One line of an order's timeline: when, what kind (status, refund, email, note), what, more, and who. */
    public record TimelineEntry(Instant at, String kind, String what, String detail, String by) {
    }

    @Transactional
    public List<Order> find(Filter filter, int offset, int size) {
        Query query = query(filter);
        return Order.<Order>find(query.where, (filter.sort() == null ? OrderSort.NEWEST : filter.sort()).sort,
                query.params).page(Page.of(offset / size, size)).list();
    }

    @Transactional
    public long count(Filter filter) {
        Query query = query(filter);
        return Order.count(query.where, query.params);
    }

    @Transactional
    public java.util.Optional<Detail> detail(String number) {
        return Order.findByNumber(number).map(order -> new Detail(order, Payment.findById(order.id),
                Refund.list("orderId = ?1 order by createdAt", order.id),
                OutboxEmail.list("orderId = ?1 order by createdAt", order.id),
                OrderEvent.list("orderId = ?1 order by id", order.id),
                OrderNote.list("orderId = ?1 order by id", order.id)));
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(Filter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        clauses.add("1 = 1");
        if (filter.status() != null) {
            clauses.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            clauses.add("createdAt >= :from");
            params.put("from", filter.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            clauses.add("createdAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (filter.minTotal() != null) {
            clauses.add("totalAmount >= :minTotal");
            params.put("minTotal", filter.minTotal());
        }
        if (filter.customer() != null && !filter.customer().isBlank()) {
            clauses.add("(lower(email) like :customer or lower(shipName) like :customer)");
            params.put("customer", like(filter.customer()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            clauses.add("(upper(number) like :number or lower(email) like :text)");
            params.put("number", filter.text().strip().toUpperCase(Locale.ROOT) + "%");
            params.put("text", like(filter.text()));
        }
        return new Query(String.join(" and ", clauses), params);
    }

    private static String like(String text) {
        return "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
