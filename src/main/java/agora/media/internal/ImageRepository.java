package agora.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Images and their stored files (sizes), and the log of uploads that the daily limit counts. */
@Repository
class ImageRepository {

    private static final String COLUMNS = """
            id, public_id, uploader_id, owner_kind, owner_id, position, format, width, height, created_at, attached_at""";

    private final JdbcClient jdbc;

    ImageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String publicId, long uploaderId, Renditions.Processed processed, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into images (public_id, uploader_id, format, width, height, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(publicId, uploaderId, processed.format().extension(), processed.width(), processed.height(),
                        Sql.timestamp(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (var file : processed.renditions()) {
            jdbc.sql("""
                    insert into image_files (image_id, long_side, width, height, content_hash, byte_length)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, file.size().longSide(), file.width(), file.height(), file.hash(), file.bytes().length)
                    .update();
        }
        jdbc.sql("insert into image_uploads (uploader_id, uploaded_at) values (?, ?)")
                .params(uploaderId, Sql.timestamp(now)).update();
    }

    /** Uploads by {@code uploaderId} since {@code since}, oldest first, at most {@code limit} of their times. */
    List<Instant> uploadsSince(long uploaderId, Instant since, int limit) {
        return jdbc.sql("""
                select uploaded_at from image_uploads
                where uploader_id = ? and uploaded_at > ?
                order by uploaded_at
                limit ?""")
                .params(uploaderId, Sql.timestamp(since), limit)
                .query((rs, row) -> Sql.instant(rs, "uploaded_at")).list();
    }

    int forgetUploadsBefore(Instant cutoff) {
        return jdbc.sql("delete from image_uploads where uploaded_at <= ?").param(Sql.timestamp(cutoff)).update();
    }

    void forgetUploadsBy(long uploaderId) {
        jdbc.sql("delete from image_uploads where uploader_id = ?").param(uploaderId).update();
    }

    Optional<StoredImage> find(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from images where public_id = ?").param(publicId)
                .query(ImageRepository::map).optional();
    }

    List<StoredImage> findAll(Collection<String> publicIds) {
        if (publicIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from images where public_id in (:ids)")
                .param("ids", List.copyOf(publicIds)).query(ImageRepository::map).list();
    }

    List<StoredImage> ownedBy(String ownerKind, String ownerId) {
        return jdbc.sql("select " + COLUMNS + " from images where owner_kind = ? and owner_id = ? order by position")
                .params(ownerKind, ownerId).query(ImageRepository::map).list();
    }

    List<StoredImage> uploadedBy(long uploaderId) {
        return jdbc.sql("select " + COLUMNS + " from images where uploader_id = ?").param(uploaderId)
                .query(ImageRepository::map).list();
    }

    /** Unattached images created before {@code cutoff}, oldest first. */
    List<StoredImage> unattachedBefore(Instant cutoff, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from images
                where owner_kind is null and created_at < ?
                order by created_at
                limit ?""")
                .params(Sql.timestamp(cutoff), limit).query(ImageRepository::map).list();
    }

    /**
     * Gives the image to {@code owner} at {@code position} if it is free or already the owner's; false when
     * another owner took it (or the sweep deleted it) meanwhile.
     */
    boolean attach(long id, String ownerKind, String ownerId, int position, Instant now) {
        return jdbc.sql("""
                update images set owner_kind = ?, owner_id = ?, position = ?, attached_at = coalesce(attached_at, ?)
                where id = ? and (owner_kind is null or (owner_kind = ? and owner_id = ?))""")
                .params(ownerKind, ownerId, position, Sql.timestamp(now), id, ownerKind, ownerId).update() == 1;
    }

    /** Deletes the image (its file rows go with it); false when it was already gone. */
    boolean delete(long id) {
        return jdbc.sql("delete from images where id = ?").param(id).update() == 1;
    }

    /** Deletes the image only if it is still unattached and older than {@code cutoff} (another node may race). */
    boolean deleteIfUnattachedBefore(long id, Instant cutoff) {
        return jdbc.sql("delete from images where id = ? and owner_kind is null and created_at < ?")
                .params(id, Sql.timestamp(cutoff)).update() == 1;
    }

    /** The stored file of one size, to serve it: its format, ETag and length. */
    Optional<StoredFile> file(String publicId, int longSide) {
        return jdbc.sql("""
                select i.format, f.content_hash, f.byte_length
                from images i join image_files f on f.image_id = i.id
                where i.public_id = ? and f.long_side = ?""")
                .params(publicId, longSide)
                .query((rs, row) -> new StoredFile(ImageFormat.ofExtension(rs.getString("format")).orElseThrow(),
                        rs.getString("content_hash"), rs.getInt("byte_length")))
                .optional();
    }

    record StoredFile(ImageFormat format, String hash, int length) {
    }

    private static StoredImage map(ResultSet rs, int row) throws SQLException {
        return new StoredImage(rs.getLong("id"), rs.getString("public_id"), rs.getLong("uploader_id"),
                rs.getString("owner_kind"), rs.getString("owner_id"),
                ImageFormat.ofExtension(rs.getString("format")).orElseThrow(), rs.getInt("width"), rs.getInt("height"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "attached_at"));
    }
}
