package dev.storefront.catalog.transfer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A CSV import, how far it has got, and the report of its bad lines. */
@Entity
@Table(name = "import_jobs")
public class ImportJob extends PanacheEntityBase {

    public enum Status {
        VALIDATING, IMPORTING, SUCCEEDED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    @Id
    public String id;

    public String fileName;
    public String actor;

    @Enumerated(EnumType.STRING)
    public Status status = Status.VALIDATING;

    public long bytesTotal;
    public long bytesRead;
    public int rowsRead;
    public int rowsImported;
    public int errorCount;

    /** The first problems found, as a JSON array of {line, column, message}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public java.util.List<CatalogCsv.Problem> errors = new java.util.ArrayList<>();

    public String message = "";
    public Instant createdAt = Instant.now();
    public Instant finishedAt;

    /** How much of the file has been read, 0 to 100. */
    public int percent() {
        if (status == Status.SUCCEEDED) {
            return 100;
        }
        return bytesTotal == 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
    }
}
