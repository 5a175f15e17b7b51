package agora.search.internal;

import java.util.Optional;

/** The kinds of results the search API knows; the ordinal is stored in the index, so only append. */
public enum SearchType {

    POST("post"), PRODUCT("product"), PROFILE("profile");

    private final String apiName;

    SearchType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<SearchType> parse(String apiName) {
        for (var type : values()) {
            if (type.apiName.equals(apiName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
