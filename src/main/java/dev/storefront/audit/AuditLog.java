package dev.storefront.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Writes the audit log of admin actions. Called inside the transaction that makes the change, so an
 * entry exists exactly when the change does.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    ObjectMapper json;

    /** Records an action; {@code before} and {@code after} are snapshots (maps, records) or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String targetType, String target, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor;
        entry.action = action;
        entry.targetType = targetType;
        entry.target = target;
        entry.before = toJson(before);
        entry.after = toJson(after);
        entry.persist();
    }

    /** The newest entries first, all or those about one record (a slug, SKU, order number or email). */
    @Transactional
    public List<AuditEntry> find(String target, int offset, int size) {
        return target == null || target.isBlank()
                ? AuditEntry.<AuditEntry>find("order by createdAt desc, id desc").range(offset, offset + size - 1).list()
                : AuditEntry.<AuditEntry>find("target = ?1 order by createdAt desc, id desc", target.strip())
                        .range(offset, offset + size - 1).list();
    }

    @Transactional
    public long count(String target) {
        return target == null || target.isBlank() ? AuditEntry.count() : AuditEntry.count("target", target.strip());
    }

    private String toJson(Object snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit snapshot cannot be written as JSON", e);
        }
    }
}
