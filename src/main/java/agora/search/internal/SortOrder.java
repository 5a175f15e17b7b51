package agora.search.internal;

import java.util.Optional;

/** How results are ordered. */
public enum SortOrder {

    RELEVANCE("relevance"), NEWEST("newest"), PRICE_ASC("price_asc"), PRICE_DESC("price_desc");

    private final String apiName;

    SortOrder(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<SortOrder> parse(String apiName) {
        for (var order : values()) {
            if (order.apiName.equals(apiName)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
