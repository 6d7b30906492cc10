package dev.storefront.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockFactory;
import org.apache.lucene.store.NativeFSLockFactory;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.search.backend.lucene.lowlevel.directory.spi.DirectoryCreationContext;
import org.hibernate.search.backend.lucene.lowlevel.directory.spi.DirectoryHolder;
import org.hibernate.search.backend.lucene.lowlevel.directory.spi.DirectoryProvider;

import io.smallrye.config.SmallRyeConfig;

import dev.storefront.config.StoreConfig;

/**
 * Puts each Lucene index under {@code storefront.search-index-dir}, read when the store starts.
 * Hibernate Search's own {@code local-filesystem} takes its root from the ORM properties, which
 * Quarkus fixes when the jar is built; the operator must be able to move the data directory without
 * rebuilding.
 */
public class IndexDirectoryProvider implements DirectoryProvider {

    @Override
    public DirectoryHolder createDirectoryHolder(DirectoryCreationContext context) {
        Path root = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(StoreConfig.class)
                .searchIndexDir();
        Path path = root.resolve(context.indexName() + context.shardId().map(shard -> "-" + shard).orElse(""))
                .toAbsolutePath();
        Supplier<LockFactory> locks = context.createConfiguredLockFactorySupplier()
                .orElse(() -> NativeFSLockFactory.INSTANCE);
        return new DirectoryHolder() {
            private Directory directory;

            @Override
            public void start() throws IOException {
                Files.createDirectories(path);
                directory = FSDirectory.open(path, locks.get());
            }

            @Override
            public Directory get() {
                return directory;
            }

            @Override
            public void close() throws IOException {
                if (directory != null) {
                    directory.close();
                }
            }
        };
    }
}
