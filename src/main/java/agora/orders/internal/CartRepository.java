package agora.orders.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class CartRepository {

    record Item(long productId, int quantity) {
    }

    private final JdbcClient jdbc;

    CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Item> items(long userId) {
        return jdbc.sql("select product_id, quantity from cart_items where user_id = ? order by added_at, product_id")
                .param(userId).query((rs, row) -> new Item(rs.getLong("product_id"), rs.getInt("quantity"))).list();
    }

    /** Sets the quantity of a product, adding the item if the cart lacks it. */
    void put(long userId, long productId, int quantity, Instant now) {
        var added = jdbc.sql("""
                insert into cart_items (user_id, product_id, quantity, added_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(userId, productId, quantity, Sql.timestamp(now)).update();
        if (added == 0) {
            jdbc.sql("update cart_items set quantity = ? where user_id = ? and product_id = ?")
                    .params(quantity, userId, productId).update();
        }
    }

    boolean remove(long userId, long productId) {
        return jdbc.sql("delete from cart_items where user_id = ? and product_id = ?").params(userId, productId)
                .update() == 1;
    }

    void removeAll(long userId, Collection<Long> productIds) {
        if (!productIds.isEmpty()) {
            jdbc.sql("delete from cart_items where user_id = :user and product_id in (:ids)").param("user", userId)
                    .param("ids", List.copyOf(productIds)).update();
        }
    }

    int count(long userId) {
        return jdbc.sql("select count(*) from cart_items where user_id = ?").param(userId).query(Integer.class).single();
    }
}
