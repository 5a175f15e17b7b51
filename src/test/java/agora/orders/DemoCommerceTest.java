package agora.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import agora.accounts.UserDirectory;
import agora.catalog.ProductCatalog;
import agora.catalog.SearchableProduct;

/** A first start with demo data on: verified sellers, products with stock, and a paid order. */
@SpringBootTest(properties = {"agora.demo-data.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:demo-commerce;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DemoCommerceTest {

    @Autowired
    UserDirectory users;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsSellersProductsAndAPaidOrder() {
        var bob = users.findByUsername("bob").orElseThrow();
        var dave = users.findByUsername("dave").orElseThrow();
        assertThat(users.isEmailVerified(bob.id())).isTrue();
        assertThat(users.isEmailVerified(dave.id())).isTrue();

        var products = catalog.listAfter(0, 100);
        assertThat(products).hasSizeGreaterThanOrEqualTo(6)
                .extracting(SearchableProduct::sellerUsername).contains("bob", "dave");
        assertThat(products).allSatisfy(p -> assertThat(p.stock()).isPositive());
        assertThat(products).anySatisfy(p -> assertThat(p.unitsSold()).isEqualTo(1));

        var carol = users.findByUsername("carol").orElseThrow();
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ? and status = 'PAID'").param(carol.id())
                .query(Integer.class).single()).isEqualTo(1);
    }
}
