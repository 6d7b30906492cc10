package dev.storefront.catalog;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * A bounded in-memory copy of a read model (a product page, a listing, the category tree), emptied by
 * catalog changes. A value loaded while a change was being announced is never kept: each emptying bumps
 * a generation, and a load that saw the generation move drops what it stored. While changes cannot be
 * heard ({@code enabled} false) nothing is cached and every read goes to the source.
 * Hits and misses are in the metrics as {@code cache_gets_total{cache="<name>",result="hit|miss"}}.
 */
public final class ReadModelCache<K, V> {

    /** A safety net only: every change empties the entries it concerns long before this. */
    private static final Duration LONGEST_KEPT = Duration.ofMinutes(15);

    private final Cache<K, V> cache;
    private final AtomicLong generation = new AtomicLong();
    private final BooleanSupplier enabled;

    public ReadModelCache(String name, long maximumEntries, BooleanSupplier enabled, MeterRegistry registry) {
        this(name, Caffeine.newBuilder().maximumSize(maximumEntries), enabled, registry);
    }

    /** A cache bounded by the total weight of its values (say, bytes) rather than their number. */
    public static <K, V> ReadModelCache<K, V> weighed(String name, long maximumWeight, ToIntFunction<V> weigher,
            BooleanSupplier enabled, MeterRegistry registry) {
        return new ReadModelCache<>(name, Caffeine.newBuilder().maximumWeight(maximumWeight)
                .weigher((K key, V value) -> weigher.applyAsInt(value)), enabled, registry);
    }

    private ReadModelCache(String name, Caffeine<? super K, ? super V> builder, BooleanSupplier enabled,
            MeterRegistry registry) {
        this.cache = builder.expireAfterWrite(LONGEST_KEPT).recordStats().build();
        this.enabled = enabled;
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    /**
     * The cached value, or the loader's (kept when not null). Concurrent misses of one key wait for a
     * single load, so a popular page emptied by a change is rebuilt once, not once per waiting shopper.
     */
    public V get(K key, Function<K, V> loader) {
        if (!enabled.getAsBoolean()) {
            return loader.apply(key);
        }
        long before = generation.get();
        V value = cache.get(key, loader);
        if (generation.get() != before) {
            // emptied while this was read: what was loaded may predate the change
            cache.invalidate(key);
        }
        return value;
    }

    /** The cached value, or null when there is none (or nothing is cached). */
    public V getIfPresent(K key) {
        return enabled.getAsBoolean() ? cache.getIfPresent(key) : null;
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    public long size() {
        return cache.estimatedSize();
    }
}
