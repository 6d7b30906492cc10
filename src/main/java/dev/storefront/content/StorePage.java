package dev.storefront.content;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One of the store's own pages (shipping, returns, privacy, ...): a title and a Markdown text. */
@Entity
@Table(name = "store_pages")
public class StorePage extends PanacheEntity {

    public String slug;
    public String title;
    /** Markdown; raw HTML in it is shown as text. */
    public String body;
    /** Shown to shoppers; an unpublished page is a draft only admins see. */
    public boolean published = true;
    /** Linked from every page's footer (when published). */
    public boolean inFooter = true;
    /** Order in the footer, smallest first. */
    public int position;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
}
