package dev.storefront.admin;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.storefront.order.OrderStatus;
import dev.storefront.config.StoreConfig;
import dev.storefront.inventory.InventoryService;
import dev.storefront.money.Money;

/** The figures on the admin's first page, read with a few aggregate queries (days are UTC). */
@ApplicationScoped
public class Dashboard {

    /** Paid orders and what they brought in, net of refunds. */
    public record Sales(long orders, Money revenue) {
    }

    /** One bar of the 30-day chart, already placed in SVG coordinates. */
    public record Bar(LocalDate day, long orders, Money revenue, int x, int y, int height) {
    }

    public record FailedEmail(long id, String kind, String recipient, int attempts, String lastError, String orderNumber) {
    }

    /** The store process's open files (sockets included) against its limit: a leak shows here before it bites. */
    public record OpenFiles(long open, long max) {

        public int percent() {
            return max <= 0 ? 0 : (int) (100 * open / max);
        }

        /** Past 80% of the limit the store is close to refusing connections. */
        public boolean warning() {
            return percent() >= 80;
        }

        static OpenFiles ofThisProcess() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
                return new OpenFiles(unix.getOpenFileDescriptorCount(), unix.getMaxFileDescriptorCount());
            }
            return new OpenFiles(-1, -1);
        }
    }

    public record Summary(Sales today, Sales week, List<Bar> chart, Money chartMax, long waitingToShip,
            List<InventoryService.StockView> lowStock, List<FailedEmail> failedEmails, OpenFiles openFiles) {
    }

    static final int CHART_HEIGHT = 120;
    static final int BAR_WIDTH = 16;
    private static final String PAID = "status in (" + OrderStatus.sqlList(OrderStatus.PAID_FOR) + ")";

    @Inject
    EntityManager entityManager;

    @Inject
    InventoryService inventory;

    @Inject
    StoreConfig config;

    @Transactional
    public Summary summary() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Bar> chart = chart(today);
        long max = chart.stream().mapToLong(b -> b.revenue().amount()).max().orElse(0);
        long waiting = ((Number) entityManager.createNativeQuery(
                "select count(*) from orders where status in (" + OrderStatus.sqlList(OrderStatus.SHIPPABLE)
                        + ") and shipped_at is null")
                .getSingleResult()).longValue();
        return new Summary(sales(today, today), sales(today.minusDays(6), today), chart, Money.of(max, config.currency()),
                waiting, inventory.list("", "low", 1, 10), failedEmails(), OpenFiles.ofThisProcess());
    }

    private Sales sales(LocalDate from, LocalDate to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("select count(*), coalesce(sum(total_amount - refunded_amount), 0)"
                + " from orders where " + PAID + " and paid_at >= ?1 and paid_at < ?2")
                .setParameter(1, from.atStartOfDay().toInstant(ZoneOffset.UTC))
                .setParameter(2, to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).getSingleResult();
        return new Sales(((Number) row[0]).longValue(), Money.of(((Number) row[1]).longValue(), config.currency()));
    }

    @SuppressWarnings("unchecked")
    private List<Bar> chart(LocalDate today) {
        LocalDate first = today.minusDays(29);
        List<Object[]> rows = entityManager.createNativeQuery("""
                select d::date, count(o.id), coalesce(sum(o.total_amount - o.refunded_amount), 0)
                from generate_series(cast(?1 as date), cast(?2 as date), interval '1 day') d
                left join orders o on (o.paid_at at time zone 'UTC')::date = d::date and o.""" + PAID + """

                group by d order by d""").setParameter(1, first).setParameter(2, today).getResultList();
        long max = rows.stream().mapToLong(r -> ((Number) r[2]).longValue()).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            long revenue = ((Number) row[2]).longValue();
            int height = max == 0 ? 0 : (int) Math.max(revenue > 0 ? 2 : 0, revenue * CHART_HEIGHT / max);
            LocalDate day = row[0] instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(row[0].toString());
            bars.add(new Bar(day, ((Number) row[1]).longValue(), Money.of(revenue, config.currency()),
                    i * (BAR_WIDTH + 4), CHART_HEIGHT - height, height));
        }
        return bars;
    }

    @SuppressWarnings("unchecked")
    private List<FailedEmail> failedEmails() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select e.id, e.kind, e.recipient, e.attempts, e.last_error, o.number from outbox_emails e
                left join orders o on o.id = e.order_id
                where e.sent_at is null and e.attempts > 0 order by e.created_at limit 20""").getResultList();
        return rows.stream().map(r -> new FailedEmail(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5])).toList();
    }
}
