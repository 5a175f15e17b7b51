package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import agora.media.ImageApi;
import agora.media.Pictures;
import agora.test.AgoraTest;
import agora.test.Api;

/** An upload is whole or absent: a store failing half way leaves no file and no row behind. */
@AgoraTest
@Import(ImageStorageFailureTest.FlakyStoreConfiguration.class)
class ImageStorageFailureTest {

    /** The real file system store, failing the second put of an upload (of three) while armed: fault injection. */
    static class FlakyStore implements ImageStore {

        final FileSystemImageStore files;
        final List<String> putKeys = new CopyOnWriteArrayList<>();
        final AtomicInteger puts = new AtomicInteger();
        volatile boolean armed;

        FlakyStore(Path root) {
            this.files = new FileSystemImageStore(root);
        }

        @Override
        public void put(String key, byte[] bytes, String contentType) {
            putKeys.add(key);
            if (armed && puts.incrementAndGet() == 2) {
                throw new UncheckedIOException(new IOException("disk full"));
            }
            files.put(key, bytes, contentType);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return files.get(key);
        }

        @Override
        public void delete(String key) {
            files.delete(key);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyStoreConfiguration {

        @Bean
        @Primary
        FlakyStore flakyStore(StorageProperties properties) {
            return new FlakyStore(properties.directory());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    FlakyStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoreFailingHalfWayLeavesNothingBehindAndAnswers503() throws Exception {
        var user = Api.signUp(mvc, "unlucky");
        store.putKeys.clear();
        store.puts.set(0);
        store.armed = true;
        try {
            mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "p.jpg", "image/jpeg",
                    Pictures.jpeg(600, 400))).header("Authorization", user.authorization()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        } finally {
            store.armed = false;
        }
        assertThat(store.putKeys).hasSize(2);
        for (var key : store.putKeys) {
            assertThat(store.get(key)).as(key).isEmpty();
        }
        var publicId = store.putKeys.getFirst().substring(0, store.putKeys.getFirst().indexOf('/'));
        assertThat(jdbc.sql("select count(*) from images where public_id = ?").param(publicId).query(Long.class)
                .single()).isZero();

        // The store works again: so does uploading.
        var uploaded = ImageApi.upload(mvc, user);
        assertThat(ImageApi.served(mvc, uploaded.small())).isNotEmpty();
    }
}
