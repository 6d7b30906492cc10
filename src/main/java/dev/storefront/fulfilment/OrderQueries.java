package dev.storefront.fulfilment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import dev.storefront.mail.OutboxEmail;
import dev.storefront.order.Order;
import dev.storefront.order.OrderEvent;
import dev.storefront.order.OrderStatus;
import dev.storefront.order.Refund;
import dev.storefront.payment.Payment;

/** Finds orders for the admin: by status, date, customer, number or free text. */
@ApplicationScoped
public class OrderQueries {

    /** What to look for; any field may be null. Dates are whole days in UTC, both included. */
    public record Filter(OrderStatus status, LocalDate from, LocalDate to, String customer, String text) {
    }

    /** An order with everything the admin's detail shows. */
    public record Detail(Order order, Payment payment, List<Refund> refunds, List<OutboxEmail> emails,
            List<OrderEvent> history) {
    }

    @Transactional
    public List<Order> find(Filter filter, int offset, int size) {
        Query query = query(filter);
        return Order.<Order>find(query.where, Sort.descending("createdAt").and("id", Sort.Direction.Descending),
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
                OrderEvent.list("orderId = ?1 order by id", order.id)));
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
