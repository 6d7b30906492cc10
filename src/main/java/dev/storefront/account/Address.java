package dev.storefront.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

import dev.storefront.order.ShippingAddress;
import dev.storefront.web.Countries;

/** A postal address in a customer's address book; one of them may be the default for shipping. */
@Entity
@Table(name = "addresses")
public class Address extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    public String name;
    public String line1;
    public String line2 = "";
    public String city;
    public String region = "";
    public String postalCode;
    /** ISO 3166-1 alpha-2, e.g. "US". */
    public String country;
    @Column(name = "is_default")
    public boolean isDefault;
    public Instant createdAt = Instant.now();

    public static List<Address> ofUser(User user) {
        return list("user = ?1 order by isDefault desc, createdAt", user);
    }

    /** The address only if it belongs to this user: anyone else's looks like no address at all. */
    public static Optional<Address> findOwned(long id, User user) {
        return find("id = ?1 and user = ?2", id, user).firstResultOptional();
    }

    /** "United States" for US. */
    public String countryName() {
        return Countries.name(country);
    }

    /** The address as the destination's post writes it, line by line ("Springfield, IL 62701" in the US). */
    public List<String> lines() {
        return new ShippingAddress(name, line1, line2, city, region, postalCode, country).lines();
    }
}
