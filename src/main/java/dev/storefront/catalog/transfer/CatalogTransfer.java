package dev.storefront.catalog.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.storefront.catalog.CatalogChanges;
import dev.storefront.config.StoreConfig;
import dev.storefront.web.SecureTokens;

/**
 * Bulk export and import of the catalog as CSV ({@link CatalogCsv}). An import streams the file once:
 * each row is checked and copied into a temporary table, the checks that need the database run as SQL
 * over that table, and only a file without a single problem is applied, set-wise, in the same
 * transaction. So memory stays flat whatever the file's size, and a file is imported whole or not at all.
 */
@ApplicationScoped
public class CatalogTransfer {

    private static final Logger LOG = Logger.getLogger(CatalogTransfer.class);
    /** Problems kept for the report; the count goes on past it. */
    static final int MAX_REPORTED = 1000;
    private static final int PROGRESS_EVERY = 5000;
    /** The longest an import waits for its products to be searchable (100,000 rows take seconds). */
    private static final Duration SEARCH_CATCH_UP = Duration.ofMinutes(5);

    @Inject
    DataSource dataSource;

    @Inject
    StoreConfig config;

    @Inject
    CatalogChanges changes;

    @Inject
    ObjectMapper json;

    /** Imports run one at a time, in the background, so a long one neither blocks a request nor another. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "catalog-import");
        thread.setDaemon(true);
        return thread;
    });

    /** An import that was running when the store stopped changed nothing (one transaction); say so. */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                "status = ?1, message = ?2, finishedAt = ?3 where status in ?4", ImportJob.Status.FAILED,
                "The store stopped during this import; nothing was changed. Upload the file again.", Instant.now(),
                List.of(ImportJob.Status.VALIDATING, ImportJob.Status.IMPORTING)));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Writes every product's variants with their stock, streamed from the database. */
    public void export(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection();
                CSVPrinter printer = new CSVPrinter(writer, CatalogCsv.FORMAT)) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select p.slug, p.name, p.brand, c.slug, p.description, p.active, v.sku, v.attributes::text,
                        v.price_amount, v.currency, v.active, coalesce(s.on_hand, 0)
                    from products p join categories c on c.id = p.category_id
                    join variants v on v.product_id = p.id left join stock_levels s on s.variant_id = v.id
                    order by p.slug, v.position, v.sku""")) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String currency = rows.getString(10);
                        printer.printRecord(CatalogCsv.toCell(rows.getString(1)), CatalogCsv.toCell(rows.getString(2)),
                                CatalogCsv.toCell(rows.getString(3)), CatalogCsv.toCell(rows.getString(4)),
                                CatalogCsv.toCell(rows.getString(5)), rows.getBoolean(6),
                                CatalogCsv.toCell(rows.getString(7)),
                                CatalogCsv.toCell(CatalogCsv.formatAttributes(attributes(rows.getString(8)))),
                                decimal(rows.getLong(9), currency), currency, rows.getBoolean(11), rows.getInt(12));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("Export failed: " + e.getMessage(), e);
        }
    }

    /** Keeps a copy of the uploaded file and starts importing it; the job tells how far it got. */
    public ImportJob start(Path upload, String fileName, String actor) throws IOException {
        String id = SecureTokens.newToken().substring(0, 22);
        Path directory = config.dataDir().resolve("imports");
        Files.createDirectories(directory);
        Path file = directory.resolve(id + ".csv");
        Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob created = new ImportJob();
            created.id = id;
            created.fileName = fileName == null || fileName.isBlank() ? "upload.csv"
                    : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
            created.actor = actor;
            created.bytesTotal = Files.size(file);
            created.persist();
            return created;
        });
        worker.submit(() -> {
            try {
                run(id, file, job.fileName, actor);
            } finally {
                deleteQuietly(file);
            }
        });
        return job;
    }

    public java.util.Optional<ImportJob> job(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findByIdOptional(id));
    }

    public List<ImportJob> recentJobs() {
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>find("order by createdAt desc")
                .page(0, 10).list());
    }

    /** Imports the file in one transaction; every outcome ends up on the job. */
    void run(String jobId, Path file, String fileName, String actor) {
        long started = System.nanoTime();
        List<CatalogCsv.Problem> problems = new ArrayList<>();
        int[] errorCount = {0};
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int rows = stage(connection, jobId, file, problems, errorCount);
                if (errorCount[0] == 0) {
                    checkAgainstDatabase(connection, problems, errorCount);
                }
                if (errorCount[0] > 0) {
                    connection.rollback();
                    problems.sort(Comparator.comparingLong(CatalogCsv.Problem::line));
                    finish(jobId, ImportJob.Status.FAILED, rows, 0, errorCount[0], problems,
                            errorCount[0] + " problems found; nothing was imported. Fix them and upload the file again.");
                    return;
                }
                progress(jobId, ImportJob.Status.IMPORTING, -1, rows);
                Applied applied = apply(connection, actor, fileName);
                connection.commit();
                awaitSearch();
                finish(jobId, ImportJob.Status.SUCCEEDED, rows, rows, 0, List.of(), String.format(
                        "Imported %,d rows: %,d products and %,d variants created or updated, %,d stock changes, in %.1f s.",
                        rows, applied.products(), applied.variants(), applied.stockChanges(),
                        (System.nanoTime() - started) / 1e9));
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warnf("Import %s failed: %s", jobId, e.getMessage());
            finish(jobId, ImportJob.Status.FAILED, 0, 0, errorCount[0], problems,
                    "The import failed and nothing was changed: " + firstLine(e.getMessage()));
        }
    }

    private record Applied(int products, int variants, int stockChanges) {
    }

    /** Reads the file row by row, checks each, and copies the good ones into a temporary table. */
    private int stage(Connection connection, String jobId, Path file, List<CatalogCsv.Problem> problems,
            int[] errorCount) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create temporary table import_rows (line bigint, slug text, name text, brand text, category text,
                        description text, product_active boolean, sku text, attributes jsonb, price bigint,
                        currency text, variant_active boolean, on_hand integer) on commit drop""");
        }
        long[] bytes = {0};
        int rows = 0;
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy import_rows from stdin (format csv)");
        try (InputStream in = counting(Files.newInputStream(file), bytes);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CatalogCsv.READ_FORMAT.parse(reader)) {
            List<String> missing = CatalogCsv.missingColumns(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                report(problems, errorCount, new CatalogCsv.Problem(1, String.join(", ", missing),
                        "the header lacks these columns; expected " + String.join(",", CatalogCsv.COLUMNS)));
                copy.cancelCopy();
                return 0;
            }
            List<CatalogCsv.Problem> rowProblems = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows++;
                long line = record.getRecordNumber() + 1;
                rowProblems.clear();
                CatalogCsv.Row row = CatalogCsv.parse(record, line, config.currency(), rowProblems);
                if (row == null) {
                    rowProblems.forEach(p -> report(problems, errorCount, p));
                } else if (errorCount[0] == 0) {
                    byte[] encoded = encode(row);
                    copy.writeToCopy(encoded, 0, encoded.length);
                }
                if (rows % PROGRESS_EVERY == 0) {
                    progress(jobId, ImportJob.Status.VALIDATING, bytes[0], rows);
                }
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports a malformed file (an unclosed quote) this way
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            report(problems, errorCount, new CatalogCsv.Problem(rows + 2, "", "the file is not valid CSV: "
                    + firstLine(e.getMessage())));
            return rows;
        }
        if (rows == 0) {
            report(problems, errorCount, new CatalogCsv.Problem(2, "", "the file has no rows"));
        }
        if (copy.isActive()) {
            copy.endCopy();
        }
        progress(jobId, ImportJob.Status.VALIDATING, bytes[0], rows);
        return rows;
    }

    /** The checks that need the whole file or the database, each a query over the staged rows. */
    private static void checkAgainstDatabase(Connection connection, List<CatalogCsv.Problem> problems,
            int[] errorCount) throws SQLException {
        String[][] checks = {
                { "sku", """
                        select line, 'appears twice in the file (also on line ' || first || ')' from (
                          select line, min(line) over (partition by sku) first from import_rows) x where line <> first""" },
                { "category", """
                        select line, 'names no category (' || category || ')' from import_rows r
                        where not exists (select 1 from categories c where c.slug = r.category)""" },
                { "sku", """
                        select r.line, 'belongs to another product (' || p.slug || ')' from import_rows r
                        join variants v on v.sku = r.sku join products p on p.id = v.product_id where p.slug <> r.slug""" },
                { "product_slug", """
                        select line, 'product columns differ from this product''s first row (line ' || first || ')' from (
                          select line, first_value(line) over w first,
                            first_value(md5(concat_ws('|', name, brand, category, description, product_active))) over w f,
                            md5(concat_ws('|', name, brand, category, description, product_active)) m
                          from import_rows window w as (partition by slug order by line)) x where f <> m""" },
                { "on_hand", """
                        select r.line, 'cannot be below the ' || s.reserved || ' units reserved for unpaid orders'
                        from import_rows r join variants v on v.sku = r.sku join stock_levels s on s.variant_id = v.id
                        where r.on_hand < s.reserved""" } };
        for (String[] check : checks) {
            try (Statement statement = connection.createStatement();
                    ResultSet found = statement.executeQuery(check[1])) {
                while (found.next()) {
                    report(problems, errorCount, new CatalogCsv.Problem(found.getLong(1), check[0], found.getString(2)));
                }
            }
        }
    }

    /** Applies the staged rows: products, then variants, then stock with a movement per change. */
    private Applied apply(Connection connection, String actor, String fileName) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int products = statement.executeUpdate("""
                    insert into products (id, category_id, slug, name, description, brand, active)
                    select nextval('products_seq'), c.id, r.slug, r.name, r.description, r.brand, r.product_active
                    from (select distinct on (slug) * from import_rows order by slug, line) r
                    join categories c on c.slug = r.category
                    on conflict (slug) do update set category_id = excluded.category_id, name = excluded.name,
                        description = excluded.description, brand = excluded.brand, active = excluded.active,
                        updated_at = now()""");
            int variants = statement.executeUpdate("""
                    insert into variants (id, product_id, sku, attributes, price_amount, currency, position, active)
                    select nextval('variants_seq'), p.id, r.sku, r.attributes, r.price, r.currency,
                        row_number() over (partition by r.slug order by r.line) - 1, r.variant_active
                    from import_rows r join products p on p.slug = r.slug
                    on conflict (sku) do update set attributes = excluded.attributes,
                        price_amount = excluded.price_amount, currency = excluded.currency,
                        position = excluded.position, active = excluded.active, updated_at = now()""");
            statement.execute("""
                    select 1 from stock_levels s join variants v on v.id = s.variant_id
                    join import_rows r on r.sku = v.sku for update of s""");
            int stockChanges;
            try (PreparedStatement movements = connection.prepareStatement("""
                    insert into inventory_movements (id, variant_id, delta, reason, note, actor, on_hand_after)
                    select nextval('inventory_movements_seq'), v.id, r.on_hand - coalesce(s.on_hand, 0), 'IMPORT',
                        ?, ?, r.on_hand
                    from import_rows r join variants v on v.sku = r.sku left join stock_levels s on s.variant_id = v.id
                    where r.on_hand <> coalesce(s.on_hand, 0)""")) {
                movements.setString(1, fileName.length() > 200 ? fileName.substring(0, 200) : fileName);
                movements.setString(2, actor);
                stockChanges = movements.executeUpdate();
            }
            statement.executeUpdate("""
                    insert into stock_levels (variant_id, on_hand)
                    select v.id, r.on_hand from import_rows r join variants v on v.sku = r.sku
                    on conflict (variant_id) do update set on_hand = excluded.on_hand,
                        version = stock_levels.version + 1, updated_at = now()
                    where stock_levels.on_hand <> excluded.on_hand""");
            try (PreparedStatement audit = connection.prepareStatement("""
                    insert into audit_log (id, actor, action, target_type, target, after)
                    values (nextval('audit_log_seq'), ?, 'catalog.import', 'file', ?, ?::jsonb)""")) {
                audit.setString(1, actor);
                audit.setString(2, fileName.length() > 200 ? fileName.substring(0, 200) : fileName);
                audit.setString(3, json.writeValueAsString(Map.of("products", products, "variants", variants,
                        "stockChanges", stockChanges)));
                audit.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return new Applied(products, variants, stockChanges);
        }
    }

    /** The import's products are re-indexed from its announcements (CatalogChanges); the job ends when they are. */
    private void awaitSearch() {
        changes.awaitHandled(SEARCH_CATCH_UP);
    }

    private static void report(List<CatalogCsv.Problem> problems, int[] errorCount, CatalogCsv.Problem problem) {
        errorCount[0]++;
        if (problems.size() < MAX_REPORTED) {
            problems.add(problem);
        }
    }

    private static void progress(String jobId, ImportJob.Status status, long bytesRead, int rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(jobId);
            job.status = status;
            if (bytesRead >= 0) {
                job.bytesRead = bytesRead;
            }
            job.rowsRead = rows;
        });
    }

    private static void finish(String jobId, ImportJob.Status status, int rows, int imported, int errorCount,
            List<CatalogCsv.Problem> problems, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(jobId);
            job.status = status;
            job.rowsRead = Math.max(job.rowsRead, rows);
            job.rowsImported = imported;
            job.errorCount = errorCount;
            job.errors = new ArrayList<>(problems);
            job.message = message.length() > 500 ? message.substring(0, 500) : message;
            job.finishedAt = Instant.now();
            if (status == ImportJob.Status.SUCCEEDED) {
                job.bytesRead = job.bytesTotal;
            }
        });
    }

    private static byte[] encode(CatalogCsv.Row row) throws IOException {
        StringWriter line = new StringWriter(256);
        try (CSVPrinter printer = new CSVPrinter(line, org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                .setRecordSeparator("\n").get())) {
            printer.printRecord(row.line(), row.slug(), row.name(), row.brand(), row.category(), row.description(),
                    row.productActive(), row.sku(), ATTRIBUTES.writeValueAsString(row.attributes()), row.price(),
                    row.currency(), row.variantActive(), row.onHand());
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final ObjectMapper ATTRIBUTES = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, String> attributes(String jsonText) throws IOException {
        return ATTRIBUTES.readValue(jsonText, java.util.LinkedHashMap.class);
    }

    private static String decimal(long minor, String currency) {
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return java.math.BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static InputStream counting(InputStream in, long[] count) {
        return new FilterInputStream(new java.io.BufferedInputStream(in, 64 * 1024)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count[0] += n;
                }
                return n;
            }
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", file, e.getMessage());
        }
    }
}
