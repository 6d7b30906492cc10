package dev.storefront.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Reads with plain JDBC on the current transaction's connection, for the hot paths (product pages, cart views,
 * catalog changes): no entities to build, track and throw away, and no trip through Hibernate's query plan cache,
 * where a native query with a result class is never found again (each call added a plan and searched a bucket of
 * colliding ones; PackageDependenciesTest keeps such queries out).
 */
public final class PlainJdbc {

    /** Sets the statement's parameters. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the whole result. */
    @FunctionalInterface
    public interface Result<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private PlainJdbc() {
    }

    /** Runs {@code sql} with its parameters and reads what it returns with {@code result}. */
    public static <T> T query(EntityManager entityManager, String sql, Parameters parameters, Result<T> result) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return result.read(rows);
                }
            }
        });
    }

    /** Runs {@code sql} with its parameters: one element per row, read by {@code row}. */
    public static <T> List<T> list(EntityManager entityManager, String sql, Parameters parameters, Row<T> row) {
        return query(entityManager, sql, parameters, rows -> {
            List<T> all = new ArrayList<>();
            while (rows.next()) {
                all.add(row.read(rows));
            }
            return all;
        });
    }
}
