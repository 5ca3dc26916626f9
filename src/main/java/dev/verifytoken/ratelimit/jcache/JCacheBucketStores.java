package dev.verifytoken.ratelimit.jcache;

import dev.verifytoken.ratelimit.control.Bucket4jBuckets;
import dev.verifytoken.ratelimit.control.BucketStore;
import dev.verifytoken.ratelimit.control.ClusteredBucketStores;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.Take;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Buckets in the JCache of Payara's Hazelcast data grid, shared by every instance of the cluster, through
 * Bucket4j's JCache proxy manager (each take is one entry processor run where the entry lives). Used only
 * when Payara's data grid is running, through the cache manager Payara injects:
 * {@code Caching.getCachingProvider()} would find Hazelcast's default provider instead, a client of its own
 * that looks for members on localhost.
 */
@ApplicationScoped
public class JCacheBucketStores implements ClusteredBucketStores {

    static final String CACHE = "verify-token-rate-limits";
    private static final String PAYARA_DATA_GRID = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(JCacheBucketStores.class.getName());

    /** Payara's own cache manager, bound to its data grid (never Caching.getCachingProvider(): see above). */
    @Inject
    Instance<CacheManager> cacheManagers;

    @Override
    public Optional<BucketStore> open(Duration expiry, int maxBuckets) {
        if (!dataGridRunning()) {
            return Optional.empty();
        }
        try {
            CacheManager manager = cacheManagers.get();
            Cache<String, byte[]> cache = manager.getCache(CACHE, String.class, byte[].class);
            if (cache == null) {
                try {
                    cache = manager.createCache(CACHE, configuration(expiry, maxBuckets));
                } catch (javax.cache.CacheException createdMeanwhile) {
                    cache = manager.getCache(CACHE, String.class, byte[].class);
                }
            }
            ProxyManager<String> proxies = Bucket4jJCache.entryProcessorBasedBuilder(cache).build();
            return Optional.of(new JCacheBucketStore(proxies, describe(cache)));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Payara's data grid is running but its JCache could not be used for rate limits", e);
            return Optional.empty();
        }
    }

    /**
     * The cache's configuration, with Hazelcast's size and eviction set here rather than left to Hazelcast's
     * defaults (10000 entries, least recently used first): at most {@code maxBuckets} entries per member,
     * evicting the least frequently used (a bucket drained by many takes outlives a flood of keys used once),
     * one backup on another member (a member that stops loses no bucket), and entries dropped once untouched
     * for the longest limit's period (by then every bucket is full again).
     */
    static CacheConfig<String, byte[]> configuration(Duration expiry, int maxBuckets) {
        CacheConfig<String, byte[]> configuration = new CacheConfig<>();
        configuration.setTypes(String.class, byte[].class);
        configuration.setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(
                new javax.cache.expiry.Duration(TimeUnit.SECONDS, expiry.toSeconds())));
        configuration.setEvictionConfig(new EvictionConfig()
                .setSize(maxBuckets)
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                .setEvictionPolicy(EvictionPolicy.LFU));
        configuration.setBackupCount(1);
        return configuration;
    }

    /** For the log: the size, eviction and backups the data grid applies to the cache, read back from it. */
    private static String describe(Cache<String, byte[]> cache) {
        try {
            @SuppressWarnings("unchecked")
            CacheConfig<String, byte[]> applied = cache.getConfiguration(CacheConfig.class);
            EvictionConfig eviction = applied.getEvictionConfig();
            return "at most " + eviction.getSize() + " buckets per member (" + eviction.getMaxSizePolicy() + ", "
                    + eviction.getEvictionPolicy() + " eviction), " + applied.getBackupCount() + " backup";
        } catch (RuntimeException e) {
            return "size and eviction as the data grid configures them";
        }
    }

    /** Payara binds its Hazelcast instance in JNDI when the data grid is enabled; other servers have none. */
    private static boolean dataGridRunning() {
        try {
            return new InitialContext().lookup(PAYARA_DATA_GRID) instanceof HazelcastInstance grid
                    && grid.getLifecycleService().isRunning();
        } catch (NamingException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private record JCacheBucketStore(ProxyManager<String> proxies, String limits) implements BucketStore {

        /**
         * One entry processor run where the bucket's entry lives. A take that fails (a member joined, left or died
         * and the grid moves partitions) goes to the {@code FailoverBucketStore} around this store, which decides it
         * with this instance's own buckets and tries the grid again a second later.
         */
        @Override
        public Take tryConsume(String key, Limit limit) {
            return Bucket4jBuckets.take(proxies.getProxy(key, () -> Bucket4jBuckets.configuration(limit)));
        }

        @Override
        public String description() {
            return "in the JCache " + CACHE + " of Payara's data grid, shared by the cluster; " + limits;
        }

        @Override
        public String inForce() {
            return "jcache";
        }

        @Override
        public boolean shared() {
            return true;
        }
    }
}
