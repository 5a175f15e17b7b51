package agora.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import agora.media.ImageApi.Uploaded;
import agora.test.AgoraTest;
import agora.test.Api;

/** Uploading and serving images through HTTP: what is accepted, what it becomes, how it is served. */
@AgoraTest
class ImageUploadTest {

    @Autowired
    MockMvc mvc;

    Uploaded upload(Api.SignedUp user, String name, String declaredType, byte[] bytes) throws Exception {
        return ImageApi.upload(mvc, user, name, declaredType, bytes);
    }

    byte[] served(String url) throws Exception {
        return ImageApi.served(mvc, url);
    }

    @Test
    void anUploadAnswersItsIdDimensionsAndTheUrlsOfThreeSizes() throws Exception {
        var user = Api.signUp(mvc, "uploader");
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "p.jpg", "image/jpeg",
                Pictures.jpeg(2000, 1500))).header("Authorization", user.authorization()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.image.id").value(startsWith("img_")))
                .andExpect(jsonPath("$.image.width").value(2000))
                .andExpect(jsonPath("$.image.height").value(1500))
                .andExpect(jsonPath("$.image.urls.small").value(org.hamcrest.Matchers.matchesPattern(
                        "/images/img_[0-9A-Za-z]{20}/160\\.jpg")))
                .andExpect(jsonPath("$.image.urls.medium").value(containsString("/480.jpg")))
                .andExpect(jsonPath("$.image.urls.large").value(containsString("/1200.jpg")));
    }

    @Test
    void theSizesAreScaledDownToTheirLongSideAndNeverUp() throws Exception {
        var user = Api.signUp(mvc, "sizes");
        var big = upload(user, "big.jpg", "image/jpeg", Pictures.jpeg(2000, 1500));
        assertThat(dimensions(served(big.small()))).containsExactly(160, 120);
        assertThat(dimensions(served(big.medium()))).containsExactly(480, 360);
        assertThat(dimensions(served(big.large()))).containsExactly(1200, 900);

        var small = upload(user, "small.png", "image/png", Pictures.png(200, 300));
        assertThat(dimensions(served(small.small()))).containsExactly(107, 160);
        assertThat(dimensions(served(small.medium()))).containsExactly(200, 300);
        assertThat(dimensions(served(small.large()))).containsExactly(200, 300);
    }

    @Test
    void aLargeJpegIsDecodedSubsampledYetAnswersItsOwnDimensions() throws Exception {
        var user = Api.signUp(mvc, "large");
        // 5000 px on the long side: at least twice 1200 twice over, so decoded from every 2nd pixel.
        var uploaded = upload(user, "wide.jpg", "image/jpeg", Pictures.jpeg(5000, 2500));
        assertThat(uploaded.width()).isEqualTo(5000);
        assertThat(uploaded.height()).isEqualTo(2500);
        var large = Pictures.read(served(uploaded.large()));
        assertThat(dimensions(served(uploaded.large()))).containsExactly(1200, 600);
        assertThat(Pictures.near(large.getRGB(10, 10), Color.RED)).isTrue();
        assertThat(Pictures.near(large.getRGB(1190, 590), Color.BLUE)).isTrue();
    }

    @Test
    void theFormatIsTakenFromTheContentNeverFromTheNameOrDeclaredType() throws Exception {
        var user = Api.signUp(mvc, "content");
        var jpegCalledPng = upload(user, "photo.png", "image/png", Pictures.jpeg(300, 200));
        mvc.perform(get(jpegCalledPng.medium())).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));

        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "photo.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", user.authorization()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.file[0]").value("is not a JPEG, PNG, WebP or GIF image"));

        var bmp = Pictures.encode(Pictures.picture(20, 20, Color.BLUE, Color.RED), "bmp");
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "photo.png", "image/png", bmp))
                .header("Authorization", user.authorization()))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void bytesAppendedToAnImageAreNeverServed() throws Exception {
        var user = Api.signUp(mvc, "polyglot");
        var script = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII);
        var gif = Pictures.concat(Pictures.encode(Pictures.picture(60, 40, Color.BLUE, Color.RED), "gif"), script);
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("payload.html"));
            out.write(script);
            out.closeEntry();
        }
        var jpegWithZip = Pictures.concat(Pictures.jpeg(80, 60), zip.toByteArray());
        assertThat(Pictures.contains(jpegWithZip, "payload.html".getBytes(StandardCharsets.US_ASCII))).isTrue();

        for (var uploaded : List.of(upload(user, "a.gif", "image/gif", gif),
                upload(user, "b.jpg", "image/jpeg", jpegWithZip))) {
            for (var url : uploaded.urls()) {
                var bytes = served(url);
                assertThat(Pictures.contains(bytes, script)).as(url).isFalse();
                assertThat(Pictures.contains(bytes, "payload.html".getBytes(StandardCharsets.US_ASCII))).isFalse();
                assertThat(Pictures.contains(bytes, new byte[] { 'P', 'K', 3, 4 })).isFalse();
            }
        }
    }

    @Test
    void exifIsDroppedAndItsOrientationApplied() throws Exception {
        var user = Api.signUp(mvc, "exif");
        // Stored 400 x 200 with a red square at the top left; EXIF 6: turn a quarter clockwise to view.
        var jpeg = Pictures.jpegWithExif(Pictures.picture(400, 200, Color.BLUE, Color.RED), 6);
        assertThat(Pictures.contains(jpeg, Pictures.GPS_MARKER.getBytes(StandardCharsets.US_ASCII))).isTrue();

        var uploaded = upload(user, "turned.jpg", "image/jpeg", jpeg);
        assertThat(uploaded.width()).isEqualTo(200);
        assertThat(uploaded.height()).isEqualTo(400);
        for (var url : uploaded.urls()) {
            var bytes = served(url);
            assertThat(Pictures.contains(bytes, "Exif".getBytes(StandardCharsets.US_ASCII))).as(url).isFalse();
            assertThat(Pictures.contains(bytes, Pictures.GPS_MARKER.getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
        var upright = Pictures.read(served(uploaded.medium()));
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        assertThat(Pictures.near(upright.getRGB(190, 10), Color.RED)).as("top right is red").isTrue();
        assertThat(Pictures.near(upright.getRGB(10, 10), Color.BLUE)).as("top left is blue").isTrue();
        assertThat(Pictures.near(upright.getRGB(190, 390), Color.BLUE)).isTrue();
    }

    @Test
    void transparencyStaysAsPngWithAlpha() throws Exception {
        var user = Api.signUp(mvc, "alpha");
        var uploaded = upload(user, "logo.png", "image/png", Pictures.transparentPng(300, 100));
        assertThat(uploaded.medium()).endsWith("/480.png");
        var response = mvc.perform(get(uploaded.medium())).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andReturn().getResponse();
        var image = Pictures.read(response.getContentAsByteArray());
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(10, 50) >>> 24).isZero();
        assertThat(image.getRGB(290, 50) >>> 24).isBetween(0x70, 0x90);

        // An alpha channel with every pixel opaque is just a JPEG.
        var opaque = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        opaque.getGraphics().fillRect(0, 0, 50, 50);
        assertThat(upload(user, "opaque.png", "image/png", Pictures.encode(opaque, "png")).medium()).endsWith(".jpg");
    }

    @Test
    void aGifBecomesItsFirstFrame() throws Exception {
        var user = Api.signUp(mvc, "gif");
        var uploaded = upload(user, "anim.gif", "image/gif", Pictures.animatedGif(64, 48));
        var image = Pictures.read(served(uploaded.medium()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(Pictures.near(image.getRGB(60, 40), Color.RED)).isTrue();
    }

    @Test
    void aWebpIsDecoded() throws Exception {
        var user = Api.signUp(mvc, "webp");
        var uploaded = upload(user, "green.bin", "application/octet-stream", Pictures.webp(30, 20, 0, 200, 0));
        assertThat(uploaded.width()).isEqualTo(30);
        var image = Pictures.read(served(uploaded.large()));
        assertThat(Pictures.near(image.getRGB(15, 10), new Color(0, 200, 0))).isTrue();
    }

    @Test
    void aHugePictureIsRefusedFromItsHeaderAlone() throws Exception {
        var user = Api.signUp(mvc, "huge");
        long started = System.nanoTime();
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "huge.png", "image/png",
                Pictures.pngHeaderOnly(50_000, 50_000))).header("Authorization", user.authorization()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.file[0]").value(containsString("50000 x 50000 pixels")));
        // Decoding 2.5 billion pixels would take minutes, or fail for memory: the header is all that was read.
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void aPngWhoseMetadataInflatesToGigabytesIsReadWithoutIt() throws Exception {
        var user = Api.signUp(mvc, "bomb");
        var bomb = Pictures.pngWithTextBomb(Pictures.png(200, 100), 1L << 30);
        assertThat(bomb.length).isLessThan(2_000_000);
        long started = System.nanoTime();
        var uploaded = upload(user, "bomb.png", "image/png", bomb);
        assertThat(uploaded.width()).isEqualTo(200);
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    @Test
    void aDamagedOrTruncatedFileIs422() throws Exception {
        var user = Api.signUp(mvc, "damaged");
        var jpeg = Pictures.jpeg(400, 300);
        var png = Pictures.png(400, 300);
        for (var bytes : List.of(Arrays.copyOf(jpeg, jpeg.length / 2), Arrays.copyOf(png, png.length / 2),
                Arrays.copyOf(jpeg, 4), Pictures.concat(Arrays.copyOf(png, 40), new byte[200]))) {
            mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "x.jpg", "image/jpeg", bytes))
                    .header("Authorization", user.authorization()))
                    .andExpect(status().is4xxClientError())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.file").exists());
        }
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "x.jpg", "image/jpeg",
                Arrays.copyOf(jpeg, jpeg.length / 2))).header("Authorization", user.authorization()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.file[0]").value("cannot be read: the image is damaged or incomplete"));
    }

    @Test
    void uploadingNeedsASignedInUserAndAFilePart() throws Exception {
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("file", "p.jpg", "image/jpeg",
                Pictures.jpeg(10, 10))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        var user = Api.signUp(mvc, "nofile");
        mvc.perform(multipart("/api/images").file(new MockMultipartFile("picture", "p.jpg", "image/jpeg",
                Pictures.jpeg(10, 10))).header("Authorization", user.authorization()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.file").exists());
        mvc.perform(post("/api/images").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void filesAreServedWithLongCachingAnEtagAndLockedDownHeaders() throws Exception {
        var user = Api.signUp(mvc, "headers");
        var uploaded = upload(user, "p.jpg", "image/jpeg", Pictures.jpeg(500, 400));
        var response = mvc.perform(get(uploaded.medium()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; sandbox"))
                .andReturn().getResponse();
        var etag = response.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        var bytes = response.getContentAsByteArray();
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(etag).isEqualTo("\"" + sha + "\"");

        mvc.perform(get(uploaded.medium()).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(get(uploaded.medium()).header("If-None-Match", "\"something-else\""))
                .andExpect(status().isOk());
        // Another size is another file with another tag.
        mvc.perform(get(uploaded.small()).header("If-None-Match", etag)).andExpect(status().isOk());
    }

    @Test
    void unknownImagesSizesAndExtensionsAre404InTheErrorShape() throws Exception {
        var user = Api.signUp(mvc, "missing");
        var uploaded = upload(user, "p.jpg", "image/jpeg", Pictures.jpeg(100, 100));
        var base = "/images/" + uploaded.id() + "/";
        for (var url : List.of("/images/img_doesnotexist0000000000/480.jpg", base + "481.jpg", base + "480.png",
                base + "480.gif", base + "480", base + "abc.jpg", base + "99999999999.jpg", base + ".jpg")) {
            mvc.perform(get(url).header("Accept", "image/avif,image/webp,*/*"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get(base + "480.jpg")).andExpect(status().isOk());
    }

    @Test
    void onlyTheUploaderMayDeleteAnImageAndItsFilesGo() throws Exception {
        var owner = Api.signUp(mvc, "owner");
        var other = Api.signUp(mvc, "other");
        var uploaded = upload(owner, "p.jpg", "image/jpeg", Pictures.jpeg(100, 100));
        mvc.perform(delete("/api/images/" + uploaded.id())).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/images/" + uploaded.id()).header("Authorization", other.authorization()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(uploaded.medium())).andExpect(status().isOk());

        mvc.perform(delete("/api/images/" + uploaded.id()).header("Authorization", owner.authorization()))
                .andExpect(status().isNoContent());
        for (var url : uploaded.urls()) {
            mvc.perform(get(url)).andExpect(status().isNotFound());
        }
        mvc.perform(delete("/api/images/" + uploaded.id()).header("Authorization", owner.authorization()))
                .andExpect(status().isNotFound());
    }

    private static int[] dimensions(byte[] bytes) {
        var image = Pictures.read(bytes);
        return new int[] { image.getWidth(), image.getHeight() };
    }
}
