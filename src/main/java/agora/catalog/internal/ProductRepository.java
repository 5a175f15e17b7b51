package agora.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Products with their tags and images. Lists load tags and images of a whole page in one query each. */
@Repository
class ProductRepository {

    /**
     * Filters of the product list; null means "any". {@code sellersOwn}: the seller looks at their own list, which
     * also shows what moderators or a suspension keep off sale. {@code hiddenSellers}: sellers blocked either way.
     */
    record Filter(String tag, Long sellerId, boolean inStock, boolean sellersOwn, Collection<Long> hiddenSellers) {
    }

    private static final String COLUMNS = """
            id, public_id, seller_id, title, description, price_amount, currency, stock, low_stock_threshold, units_sold,
            listed, withdrawn, hidden_at, hidden_reason, created_at, updated_at""";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String publicId, long sellerId, String title, String description, long priceAmount, String currency,
            int stock, int lowStockThreshold, List<String> tags, List<ProductImage> images, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into products (public_id, seller_id, title, description, price_amount, currency, stock,
                                      low_stock_threshold, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(publicId, sellerId, title, description, priceAmount, currency, stock, lowStockThreshold,
                        Sql.timestamp(now), Sql.timestamp(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        replaceTags(id, tags);
        replaceImages(id, images);
        return id;
    }

    void update(Product product, Instant now) {
        jdbc.sql("""
                update products set title = ?, description = ?, price_amount = ?, currency = ?, stock = ?,
                       low_stock_threshold = ?, updated_at = ?
                where id = ?""")
                .params(product.title(), product.description(), product.priceAmount(), product.currency(),
                        product.stock(), product.lowStockThreshold(), Sql.timestamp(now), product.id())
                .update();
        replaceTags(product.id(), product.tags());
        replaceImages(product.id(), product.images());
    }

    /** The seller takes it off sale for good; true when this call did. */
    boolean withdraw(long id, Instant now) {
        return jdbc.sql("update products set withdrawn = true, listed = false, updated_at = ? where id = ? and not withdrawn")
                .params(Sql.timestamp(now), id).update() == 1;
    }

    /** A moderator hides it (off sale, whatever else holds); true when this call did. */
    boolean hide(long id, String reason, Instant now) {
        return jdbc.sql("""
                update products set hidden_at = ?, hidden_reason = ?, listed = false
                where id = ? and hidden_at is null""")
                .params(Sql.timestamp(now), reason, id).update() == 1;
    }

    /** A moderator restores it: on sale again unless its seller withdrew it or is suspended; true when this call did. */
    boolean restore(long id) {
        return jdbc.sql("""
                update products set hidden_at = null, hidden_reason = null, listed = not withdrawn and not seller_suspended
                where id = ? and hidden_at is not null""")
                .param(id).update() == 1;
    }

    /** The seller's products on sale now (to be taken off by a suspension), in id order. */
    List<Long> listedOfSeller(long sellerId) {
        return jdbc.sql("select id from products where seller_id = ? and listed = true order by id").param(sellerId)
                .query(Long.class).list();
    }

    /** Marks every product of the seller as taken off by a suspension, and so off sale. */
    void suspendSeller(long sellerId) {
        jdbc.sql("""
                update products set seller_suspended = true, listed = false
                where seller_id = ? and not seller_suspended and not withdrawn""")
                .param(sellerId).update();
    }

    /** The seller's products that lifting the suspension puts on sale again, in id order. */
    List<Long> relistableOfSeller(long sellerId) {
        return jdbc.sql("""
                select id from products
                where seller_id = ? and seller_suspended and not withdrawn and hidden_at is null order by id""")
                .param(sellerId).query(Long.class).list();
    }

    /** Clears the suspension's marker: on sale again what neither its seller nor a moderator took off. */
    void liftSellerSuspension(long sellerId) {
        jdbc.sql("""
                update products set seller_suspended = false, listed = not withdrawn and hidden_at is null
                where seller_id = ? and seller_suspended""")
                .param(sellerId).update();
    }

    Optional<Product> findByPublicId(String publicId) {
        return withDetails(jdbc.sql("select " + COLUMNS + " from products where public_id = ?").param(publicId)
                .query(ProductRepository::map).list()).stream().findFirst();
    }

    /** The product without its tags and images (for stock and cart work, which need neither). */
    Optional<Product> findBareByPublicId(String publicId) {
        return jdbc.sql("select " + COLUMNS + " from products where public_id = ?").param(publicId)
                .query(ProductRepository::map).optional();
    }

    Optional<Product> findBareById(long id) {
        return jdbc.sql("select " + COLUMNS + " from products where id = ?").param(id).query(ProductRepository::map)
                .optional();
    }

    /** Listed products by id; unknown or unlisted ids are absent. */
    List<Product> findListed(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withDetails(jdbc.sql("select " + COLUMNS + " from products where id in (:ids) and listed = true order by id")
                .param("ids", List.copyOf(ids)).query(ProductRepository::map).list());
    }

    /** Products (listed or not) by id, without tags and images. */
    List<Product> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from products where id in (:ids)").param("ids", List.copyOf(ids))
                .query(ProductRepository::map).list();
    }

    List<Product> listedAfter(long afterId, int limit) {
        return withDetails(jdbc.sql("select " + COLUMNS + " from products where listed = true and id > ? order by id limit ?")
                .params(afterId, limit).query(ProductRepository::map).list());
    }

    /** A page of listed products matching the filter, newest first. */
    List<Product> page(Filter filter, int limit, int offset) {
        var params = new HashMap<String, Object>();
        var where = where(filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return withDetails(jdbc.sql("select " + COLUMNS + " from products p " + where
                + " order by id desc limit :limit offset :offset").params(params).query(ProductRepository::map).list());
    }

    long count(Filter filter) {
        var params = new HashMap<String, Object>();
        return jdbc.sql("select count(*) from products p " + where(filter, params)).params(params).query(Long.class)
                .single();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from products)").query(Boolean.class).single();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        var where = new StringBuilder(filter.sellersOwn() ? "where not p.withdrawn" : "where p.listed = true");
        if (!filter.hiddenSellers().isEmpty()) {
            where.append(" and p.seller_id not in (:hiddenSellers)");
            params.put("hiddenSellers", List.copyOf(filter.hiddenSellers()));
        }
        if (filter.sellerId() != null) {
            where.append(" and p.seller_id = :seller");
            params.put("seller", filter.sellerId());
        }
        if (filter.inStock()) {
            where.append(" and p.stock > 0");
        }
        if (filter.tag() != null) {
            where.append(" and exists (select 1 from product_tags t where t.product_id = p.id and t.tag = :tag)");
            params.put("tag", filter.tag());
        }
        return where.toString();
    }

    private void replaceTags(long id, List<String> tags) {
        jdbc.sql("delete from product_tags where product_id = ?").param(id).update();
        for (var tag : tags) {
            jdbc.sql("insert into product_tags (product_id, tag) values (?, ?)").params(id, tag).update();
        }
    }

    private void replaceImages(long id, List<ProductImage> images) {
        jdbc.sql("delete from product_images where product_id = ?").param(id).update();
        for (int i = 0; i < images.size(); i++) {
            var image = images.get(i);
            jdbc.sql("insert into product_images (product_id, position, url, image_id) values (?, ?, ?, ?)")
                    .params(id, i, image.url(), image.imageId()).update();
        }
    }

    /** Forgets the uploaded photos of a product (the media module deletes them), keeping its external URLs. */
    void dropUploadedImages(long id) {
        jdbc.sql("delete from product_images where product_id = ? and image_id is not null").param(id).update();
    }

    private List<Product> withDetails(List<Product> products) {
        if (products.isEmpty()) {
            return products;
        }
        var ids = products.stream().map(Product::id).toList();
        var tags = new HashMap<Long, List<String>>();
        jdbc.sql("select product_id, tag from product_tags where product_id in (:ids) order by tag")
                .param("ids", ids).query(rs -> {
                    tags.computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        var images = new LinkedHashMap<Long, List<ProductImage>>();
        jdbc.sql("""
                select product_id, url, image_id from product_images where product_id in (:ids)
                order by product_id, position""")
                .param("ids", ids).query(rs -> {
                    images.computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>())
                            .add(new ProductImage(rs.getString("url"), rs.getString("image_id")));
                });
        return products.stream().map(p -> p.with(List.copyOf(tags.getOrDefault(p.id(), List.of())),
                List.copyOf(images.getOrDefault(p.id(), List.of())))).toList();
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("public_id"), rs.getLong("seller_id"), rs.getString("title"),
                rs.getString("description"), rs.getLong("price_amount"), rs.getString("currency"), rs.getInt("stock"),
                rs.getInt("low_stock_threshold"), rs.getLong("units_sold"), rs.getBoolean("listed"), rs.getBoolean("withdrawn"),
                rs.getObject("hidden_at") == null ? null
                        : new Product.Hidden(rs.getString("hidden_reason"), Sql.instant(rs, "hidden_at")),
                List.of(), List.of(),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
