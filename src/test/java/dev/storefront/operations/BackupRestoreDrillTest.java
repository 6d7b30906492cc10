package dev.storefront.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storefront.testing.Carts;
import dev.storefront.testing.Commands;
import dev.storefront.testing.FormClient;

/**
 * The restore drill: with paid and pending orders in the database and pictures on disk, deploy/backup
 * makes a backup, deploy/restore loads it into a fresh database and an emptied data directory, and every
 * order, order line, payment, stock level and movement, and every picture, is the same.
 */
@QuarkusTest
class BackupRestoreDrillTest {

    private static final List<String> SNAPSHOT = List.of(
            "select number, status, email, total_amount, refunded_amount, created_at, paid_at from orders order by number",
            "select o.number, l.position, l.sku, l.quantity, l.unit_price_amount from order_lines l join orders o on o.id = l.order_id order by 1, 2",
            "select o.number, p.provider, p.provider_ref, p.status, p.amount from payments p join orders o on o.id = p.order_id order by 1",
            "select v.sku, s.on_hand, s.reserved, s.version from stock_levels s join variants v on v.id = s.variant_id order by 1",
            "select count(*), coalesce(sum(delta), 0) from inventory_movements",
            "select count(*) from products where active");

    @Test
    void aBackupRestoredIntoAFreshDatabaseHasEveryOrderAndStockLevel() throws Exception {
        String paid = placeOrder(true);
        String pending = placeOrder(false);
        Path work = Files.createTempDirectory("drill");
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("images"));
        Files.writeString(data.resolve("images/abc.png"), "not really a picture, but bytes to keep");
        Path env = writeEnv(work.resolve("env"), database(), data);
        Path backups = work.resolve("backups");
        for (int i = 0; i < 3; i++) {
            Commands.run(Path.of("."), "deploy/backup", "--env", env.toString(), "--dir", backups.toString(), "--keep", "2");
        }
        List<Path> dumps;
        try (Stream<Path> files = Files.list(backups)) {
            dumps = files.filter(f -> f.toString().endsWith(".dump")).sorted().toList();
        }
        assertEquals(2, dumps.size(), "the oldest backup was rotated away");
        Path dump = dumps.get(dumps.size() - 1);
        Path images = Path.of(dump.toString().replace(".dump", "-images.tar.gz"));
        List<List<String>> before = snapshot(database());

        String fresh = "storefront_drill_" + System.nanoTime();
        execute(database().replaceAll("/[^/?]+(\\?|$)", "/postgres$1"), "create database " + fresh);
        try {
            // the machine is lost: a new database, an empty data directory
            deleteTree(data);
            Path freshEnv = writeEnv(work.resolve("env-fresh"), database().replaceAll("/[^/?]+(\\?|$)", "/" + fresh + "$1"), data);
            Commands.run(Path.of("."), "deploy/restore", "--env", freshEnv.toString(), "--dump", dump.toString(),
                    "--images", images.toString());
            List<List<String>> after = snapshot(database().replaceAll("/[^/?]+(\\?|$)", "/" + fresh + "$1"));
            assertEquals(before.get(0).size(), after.get(0).size(), "as many orders");
            assertTrue(String.join("", before.get(0)).contains(paid) && String.join("", before.get(0)).contains(pending));
            for (int i = 0; i < SNAPSHOT.size(); i++) {
                assertEquals(before.get(i), after.get(i), SNAPSHOT.get(i));
            }
            assertEquals("not really a picture, but bytes to keep", Files.readString(data.resolve("images/abc.png")));
            // restoring over data is refused
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> Commands.run(Path.of("."), "deploy/restore", "--env", freshEnv.toString(), "--dump", dump.toString()));
            assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
        } finally {
            execute(database().replaceAll("/[^/?]+(\\?|$)", "/postgres$1"), "drop database if exists " + fresh);
        }
    }

    private static String placeOrder(boolean pay) {
        String sku = given().when().get("/api/v1/products?inStock=true&size=1&page=7").then().extract().path("items[0].slug");
        String variant = given().when().get("/api/v1/products/" + sku).then().extract()
                .path("variants.find { it.available > 0 }.sku");
        String cart = Carts.newCart();
        Carts.add(cart, variant, 1).then().statusCode(200);
        var placed = given().contentType(ContentType.JSON).body(Map.of("cartId", cart, "email", "drill@example.com",
                "shippingMethod", "standard", "shippingAddress", Map.of("name", "D", "line1", "1 Main St", "city",
                        "Springfield", "region", "IL", "postalCode", "62701", "country", "US")))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().jsonPath();
        String number = placed.getString("orderNumber");
        if (pay) {
            FormClient buyer = new FormClient();
            String payUrl = placed.getString("payment.redirectUrl");
            Matcher back = Pattern.compile("name=\"return\" value=\"([^\"]+)\"").matcher(buyer.open(payUrl));
            assertTrue(back.find());
            buyer.submit(payUrl.replaceFirst("\\?.*", ""), Map.of("decision", "pay", "return",
                    back.group(1).replace("&amp;", "&"))).then().statusCode(303);
        }
        return number;
    }

    private static String database() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Path writeEnv(Path file, String jdbcUrl, Path data) throws Exception {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(jdbcUrl);
        assertTrue(url.matches(), jdbcUrl);
        var config = ConfigProvider.getConfig();
        Files.writeString(file, """
                # written by the drill
                DB_HOST=%s
                DB_PORT=%s
                DB_NAME=%s
                DB_USER=%s
                DB_PASSWORD=%s
                STOREFRONT_DATA_DIR=%s
                """.formatted(url.group(1), url.group(2), url.group(3),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class), data));
        return file;
    }

    private static List<List<String>> snapshot(String jdbcUrl) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement()) {
            for (String query : SNAPSHOT) {
                List<String> rows = new ArrayList<>();
                try (ResultSet set = statement.executeQuery(query)) {
                    ResultSetMetaData meta = set.getMetaData();
                    while (set.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.append(set.getString(c)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                result.add(rows);
            }
        }
        return result;
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(jdbcUrl, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
