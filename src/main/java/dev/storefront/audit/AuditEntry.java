package dev.storefront.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One admin action: who did what to which record, and the record before and after. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntity {

    public String actor;
    public String action;
    public String targetType;
    public String target;

    @JdbcTypeCode(SqlTypes.JSON)
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    public String after;

    public Instant createdAt = Instant.now();
}
