package dev.storefront.admin;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.sun.management.UnixOperatingSystemMXBean;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.order.OrderStatus;
import dev.storefront.config.StoreConfig;
import dev.storefront.inventory.InventoryService;
import dev.storefront.money.Money;

/** The figures on the admin's first page, read with a few aggregate queries (days in the store's time zone). */
@ApplicationScoped
public class Dashboard {

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

    public record Summary(Period period, Figures figures, Figures previous, List<Bar> chart, Money chartMax,
            long waitingToShip, long unpaid, List<TopProduct> topProducts, List<InventoryService.StockView> lowStock,
            List<FailedEmail> failedEmails, OpenFiles openFiles) {
    }

    /** The periods an owner compares: each against the one just before it, of the same length. */
    public enum Period {
        TODAY("Today", "yesterday", 1), DAYS_7("Last 7 days", "the 7 days before", 7),
        DAYS_30("Last 30 days", "the 30 days before", 30), DAYS_90("Last 90 days", "the 90 days before", 90);

        public final String words;
        public final String previousWords;
        final int days;

        Period(String words, String previousWords, int days) {
            this.words = words;
            this.previousWords = previousWords;
            this.days = days;
        }

        public String param() {
            return name().replace("DAYS_", "").toLowerCase(java.util.Locale.ROOT) + (days > 1 ? "d" : "");
        }

        /** "today", "7d", "30d", "90d"; the last 7 days for anything else. */
        public static Period named(String text) {
            for (Period period : values()) {
                if (period.param().equals(text)) {
                    return period;
                }
            }
            return DAYS_7;
        }
    }

    /**
     * A period's figures: paid orders, revenue net of refunds, average order value, carts started, and conversion
     * (paid orders per cart started, in percent).
     */
    public record Figures(long orders, Money revenue, Money averageOrder, long carts, double conversion) {

        /** "+12%", "−3%", "new" or "" against the previous period's value of the same figure. */
        public String change(Figures before, String figure) {
            double now = value(figure);
            double then = before.value(figure);
            if (then == 0) {
                return now == 0 ? "" : "new";
            }
            long percent = Math.round((now - then) * 100 / then);
            return percent == 0 ? "±0%" : (percent > 0 ? "+" : "−") + Math.abs(percent) + "%";
        }

        private double value(String figure) {
            return switch (figure) {
                case "orders" -> orders;
                case "revenue" -> revenue.amount();
                case "average" -> averageOrder.amount();
                case "conversion" -> conversion;
                default -> throw new IllegalArgumentException(figure);
            };
        }

        public String conversionWords() {
            return String.format(java.util.Locale.ROOT, "%.1f%%", conversion);
        }
    }

    /** A product among the best sellers of the period: units paid for and revenue after discounts. */
    public record TopProduct(String name, long units, Money revenue) {
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

    /**
     * The dashboard's figures. The low-stock list is read after the figures' transaction has ended: it runs in a
     * transaction of its own, and one started inside another would hold two connections per request, so that a
     * few dozen admins' requests at once could take the whole pool and wait on each other (found with wrk: 64
     * connections, every request timed out acquiring a connection).
     */
    public Summary summary(Period period) {
        List<InventoryService.StockView> lowStock = inventory.list("", "low", 1, 10);
        return QuarkusTransaction.requiringNew().call(() -> figures(period, lowStock));
    }

    private Summary figures(Period period, List<InventoryService.StockView> lowStock) {
        ZoneId zone = config.timeZone();
        LocalDate today = LocalDate.now(zone);
        LocalDate from = today.minusDays(period.days - 1);
        List<Bar> chart = chart(today, zone);
        long max = chart.stream().mapToLong(b -> b.revenue().amount()).max().orElse(0);
        long waiting = count("select count(*) from orders where status in ("
                + OrderStatus.sqlList(OrderStatus.SHIPPABLE) + ") and shipped_at is null");
        long unpaid = count("select count(*) from orders where status = 'PENDING_PAYMENT'");
        return new Summary(period, figures(from, today, zone), figures(from.minusDays(period.days),
                from.minusDays(1), zone), chart, Money.of(max, config.currency()), waiting, unpaid,
                topProducts(from, today, zone), lowStock, failedEmails(),
                OpenFiles.ofThisProcess());
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** The figures of the whole days {@code from} to {@code to}, both included. */
    private Figures figures(LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Object[] row = (Object[]) entityManager.createNativeQuery("select count(*), coalesce(sum(total_amount - refunded_amount), 0)"
                + " from orders where " + PAID + " and paid_at >= ?1 and paid_at < ?2")
                .setParameter(1, start).setParameter(2, end).getSingleResult();
        long orders = ((Number) row[0]).longValue();
        long revenue = ((Number) row[1]).longValue();
        long carts = ((Number) entityManager.createNativeQuery(
                "select count(*) from carts where created_at >= ?1 and created_at < ?2").setParameter(1, start)
                .setParameter(2, end).getSingleResult()).longValue();
        return new Figures(orders, Money.of(revenue, config.currency()),
                Money.of(orders == 0 ? 0 : Math.round((double) revenue / orders), config.currency()), carts,
                carts == 0 ? 0 : Math.min(100.0, orders * 100.0 / carts));
    }

    @SuppressWarnings("unchecked")
    private List<TopProduct> topProducts(LocalDate from, LocalDate to, ZoneId zone) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select l.name, sum(l.quantity), sum(l.line_total_amount - l.discount_amount)
                from order_lines l join orders o on o.id = l.order_id
                where o.""" + PAID + """
                 and o.paid_at >= ?1 and o.paid_at < ?2
                group by l.name order by sum(l.quantity) desc, sum(l.line_total_amount) desc limit 5""")
                .setParameter(1, from.atStartOfDay(zone).toInstant())
                .setParameter(2, to.plusDays(1).atStartOfDay(zone).toInstant()).getResultList();
        return rows.stream().map(r -> new TopProduct((String) r[0], ((Number) r[1]).longValue(),
                Money.of(((Number) r[2]).longValue(), config.currency()))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Bar> chart(LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(29);
        List<Object[]> rows = entityManager.createNativeQuery("""
                select d::date, count(o.id), coalesce(sum(o.total_amount - o.refunded_amount), 0)
                from generate_series(cast(?1 as date), cast(?2 as date), interval '1 day') d
                left join orders o on (o.paid_at at time zone ?3)::date = d::date and o.""" + PAID + """

                group by d order by d""").setParameter(1, first).setParameter(2, today).setParameter(3, zone.getId())
                .getResultList();
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
