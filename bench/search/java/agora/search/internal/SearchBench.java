package agora.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.search.suggest.document.SuggestIndexSearcher;

import agora.social.ViewerFilter;

/**
 * The search benchmark: indexes a synthetic corpus with the production indexing code, then runs a realistic
 * query mix and completions through the production query code, and prints the figures.
 *
 * <pre>java ... agora.search.internal.SearchBench [documents] [queries] [indexDir]</pre>
 */
public final class SearchBench {

    private static final long SEED = 42;
    private static final int THREADS = 2;

    public static void main(String[] args) throws Exception {
        var documents = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 50_000;
        var queries = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 5_000;
        var dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("agora-search-bench");
        var corpus = new SyntheticCorpus(SEED);
        System.out.printf("corpus: %,d documents (80%% posts, 10%% products, 10%% profiles), index in %s%n", documents, dir);

        var handle = IndexHandle.create(dir.resolve("index"), 256);
        try {
            index(corpus, handle, documents);
            handle.refresh();
            handle.searchers().maybeRefreshBlocking();
            var searcher = (SuggestIndexSearcher) handle.searchers().acquire();
            try {
                System.out.printf("index: %,d documents in %d segments, %,d MB on disk%n", searcher.getIndexReader().numDocs(),
                        searcher.getIndexReader().leaves().size(), size(dir) / 1_000_000);
                var mix = QueryMix.of(corpus, queries, new SplittableRandom(SEED + 1));
                search(searcher, mix);
                suggest(searcher, corpus, queries);
            } finally {
                handle.searchers().release(searcher);
            }
        } finally {
            handle.close();
        }
    }

    /** Two threads turn generated documents into Lucene documents and add them, as a rebuild does. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static void index(SyntheticCorpus corpus, IndexHandle handle, long documents) throws Exception {
        var next = new AtomicLong();
        var cpuNanos = new AtomicLong();
        var pool = Executors.newFixedThreadPool(THREADS);
        var started = System.nanoTime();
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (var t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                var cpuStart = CPU.getCurrentThreadCpuTime();
                var batch = new ArrayList<SearchDocument>(500);
                long n;
                while ((n = next.getAndIncrement()) < documents) {
                    batch.add(corpus.document(n));
                    if (batch.size() == 500) {
                        add(handle, batch);
                    }
                }
                add(handle, batch);
                handle.flushBuffer(); // as a rebuild does: what is still buffered is written by both threads
                cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        var commitCpu = CPU.getCurrentThreadCpuTime();
        handle.commit(Map.of("bench", "true")); // writes whatever is still buffered: counted as indexing CPU
        cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - commitCpu);
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("indexing: %,d documents in %.1f s = %,.0f docs/s (%d threads, generation included, commit included)%n",
                documents, seconds, documents / seconds, THREADS);
        System.out.printf("indexing CPU: %,.0f documents per CPU-second of the indexing threads and the commit (merges run beside them)%n",
                documents / (cpuNanos.get() / 1e9));
    }

    private static void add(IndexHandle handle, List<SearchDocument> batch) throws java.io.IOException {
        handle.add("bench", batch);
        batch.clear();
    }

    private static void search(SuggestIndexSearcher searcher, QueryMix mix) throws Exception {
        var now = System.currentTimeMillis();
        for (var i = 0; i < Math.min(2_000, mix.requests().size()); i++) {
            SearchService.search(searcher, mix.requests().get(i), now); // warm-up
        }
        var latencies = new long[mix.requests().size()];
        var cpu = new long[latencies.length];
        var hits = 0L;
        for (var i = 0; i < latencies.length; i++) {
            var started = System.nanoTime();
            var cpuStart = CPU.getCurrentThreadCpuTime();
            hits += SearchService.search(searcher, mix.requests().get(i), now).total();
            cpu[i] = CPU.getCurrentThreadCpuTime() - cpuStart;
            latencies[i] = System.nanoTime() - started;
        }
        System.out.printf("search, one thread: %s (mean %,d matches per query)%n", percentiles(latencies),
                hits / latencies.length);
        System.out.printf("search CPU time:    %s%n", percentiles(cpu));
        mix.printBreakdown(searcher, now);

        var pool = Executors.newFixedThreadPool(THREADS);
        var done = new AtomicLong();
        var started = System.nanoTime();
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (var t = 0; t < THREADS; t++) {
            var offset = t;
            futures.add(pool.submit(() -> {
                for (var i = offset; i < mix.requests().size(); i += THREADS) {
                    SearchService.search(searcher, mix.requests().get(i), now);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("search, %d threads: %,.0f queries/s%n", THREADS, done.get() / seconds);
    }

    private static void suggest(SuggestIndexSearcher searcher, SyntheticCorpus corpus, int count) throws Exception {
        var random = new SplittableRandom(SEED + 2);
        var prefixes = new ArrayList<String>();
        for (var i = 0; i < count; i++) {
            var source = random.nextInt(3) == 0 ? corpus.tag(random) : corpus.word(random);
            prefixes.add(source.substring(0, Math.min(source.length(), 1 + random.nextInt(6))));
        }
        for (var i = 0; i < Math.min(2_000, count); i++) {
            Suggestions.suggest(searcher, prefixes.get(i), ViewerFilter.NONE);
        }
        var latencies = new long[count];
        var cpu = new long[count];
        for (var i = 0; i < count; i++) {
            var started = System.nanoTime();
            var cpuStart = CPU.getCurrentThreadCpuTime();
            Suggestions.suggest(searcher, prefixes.get(i), ViewerFilter.NONE);
            cpu[i] = CPU.getCurrentThreadCpuTime() - cpuStart;
            latencies[i] = System.nanoTime() - started;
        }
        System.out.printf("suggest, one thread: %s%n", percentiles(latencies));
        System.out.printf("suggest CPU time:    %s%n", percentiles(cpu));
    }

    static String percentiles(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%,d queries, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", sorted.length,
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
