package agora.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.suggest.document.SuggestIndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/** One Lucene index: its directory, its single writer and the near-real-time searchers over it. */
final class IndexHandle implements Closeable {

    /** TieredMergePolicy's default share of the index above which a merged segment is not compound. */
    private static final double DEFAULT_NO_CFS_RATIO = 0.1;

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private IndexHandle(Path path, Directory directory, IndexWriterConfig.OpenMode mode, double ramBufferMb,
            boolean bulk) throws IOException {
        this.path = path;
        this.directory = directory;
        var config = new IndexWriterConfig(TextAnalysis.INDEXING)
                .setCodec(new IndexSchema.Codec())
                .setOpenMode(mode)
                .setRAMBufferSizeMB(ramBufferMb)
                .setCommitOnClose(false);
        if (bulk) {
            // a bulk build writes few, large segments: packing each into a compound file costs a copy of
            // every byte for no gain; endBulk() restores the defaults for the small segments of live updates
            config.setUseCompoundFile(false);
            config.getMergePolicy().setNoCFSRatio(0.0);
        }
        IndexWriter opened = null;
        try {
            opened = new IndexWriter(directory, config);
            this.writer = opened;
            this.searchers = new SearcherManager(opened, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new SuggestIndexSearcher(reader);
                }
            });
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(opened, directory);
            throw e;
        }
    }

    /** A new, empty index in {@code path}, set up for a bulk build until {@link #endBulk()}. */
    static IndexHandle create(Path path, double ramBufferMb) throws IOException {
        Files.createDirectories(path);
        return new IndexHandle(path, FSDirectory.open(path), IndexWriterConfig.OpenMode.CREATE, ramBufferMb, true);
    }

    /** After a bulk build: the small segments of live updates go into compound files again (fewer open files). */
    void endBulk() {
        writer.getConfig().setUseCompoundFile(true);
        writer.getConfig().getMergePolicy().setNoCFSRatio(DEFAULT_NO_CFS_RATIO);
    }

    /** The index committed in {@code path}; fails if there is none or it cannot be read. */
    static IndexHandle open(Path path, double ramBufferMb) throws IOException {
        var directory = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(directory)) {
            directory.close();
            throw new IOException("no index in " + path);
        }
        return new IndexHandle(path, directory, IndexWriterConfig.OpenMode.APPEND, ramBufferMb, false);
    }

    /** An index kept only in memory: what answers while the first full build runs. */
    static IndexHandle inMemory() throws IOException {
        return new IndexHandle(null, new ByteBuffersDirectory(), IndexWriterConfig.OpenMode.CREATE, 16, false);
    }

    /** Null for an in-memory index. */
    Path path() {
        return path;
    }

    SearcherManager searchers() {
        return searchers;
    }

    /** The user data of the commit this index was opened at (or last committed). */
    Map<String, String> commitData() {
        var data = new HashMap<String, String>();
        var live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    void add(String source, List<SearchDocument> documents) throws IOException {
        for (var document : documents) {
            writer.addDocument(IndexSchema.toLucene(source, document));
        }
    }

    /** Replaces these documents of the source and removes the ids that have no document any more. */
    void apply(String source, Collection<SearchDocument> documents, Collection<Long> removed) throws IOException {
        for (var document : documents) {
            writer.updateDocument(IndexSchema.key(source, document.id()), IndexSchema.toLucene(source, document));
        }
        for (var id : removed) {
            writer.deleteDocuments(IndexSchema.key(source, id));
        }
    }

    /** The ids, by source, of the documents these users own, including everything written so far. */
    Map<String, Set<Long>> ownedBy(Collection<Long> owners) throws IOException {
        refresh();
        var owned = new HashMap<String, Set<Long>>();
        var query = new TermInSetQuery(IndexSchema.OWNER,
                owners.stream().map(owner -> new BytesRef(Long.toString(owner))).toList());
        var searcher = searchers.acquire();
        try {
            var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (var leaf : searcher.getIndexReader().leaves()) {
                var scorer = weight.scorer(leaf);
                var keys = leaf.reader().getSortedDocValues(IndexSchema.KEY);
                if (scorer == null || keys == null) {
                    continue;
                }
                var live = leaf.reader().getLiveDocs();
                var docs = scorer.iterator();
                for (var doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if ((live == null || live.get(doc)) && keys.advanceExact(doc)) {
                        var key = keys.lookupOrd(keys.ordValue()).utf8ToString();
                        var colon = key.lastIndexOf(':');
                        owned.computeIfAbsent(key.substring(0, colon), source -> new LinkedHashSet<>())
                                .add(Long.parseLong(key.substring(colon + 1)));
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return owned;
    }

    /**
     * Writes the largest in-memory segment to disk in the calling thread. A bulk build calls it from each of its
     * workers at the end, so that what is still buffered is written by all of them at once rather than by the
     * single thread that commits.
     */
    void flushBuffer() throws IOException {
        writer.flushNextBuffer();
    }

    /** Makes what was written searchable (near-real-time: no commit needed). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes what was written durable, together with the change-log position it reflects. */
    void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(Map.copyOf(data).entrySet());
        writer.commit();
    }

    long documents() throws IOException {
        var searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    /** Closes without committing what was written since the last commit. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.rollback();
        } finally {
            directory.close();
        }
    }
}
