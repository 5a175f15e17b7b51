package agora.moderation.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import agora.accounts.Role;
import agora.platform.ApiException;

/** Roles as the API names them: {@code moderator}, {@code admin}. */
public final class RoleNames {

    private RoleNames() {
    }

    /** The roles named; an empty list takes every role away. */
    public static Set<Role> parse(List<String> names) {
        if (names == null) {
            throw ApiException.invalid("roles", "is required (an empty list takes every role away)");
        }
        var roles = EnumSet.noneOf(Role.class);
        for (var name : names) {
            var role = Arrays.stream(Role.values()).filter(r -> wire(r).equals(name)).findFirst()
                    .orElseThrow(() -> ApiException.invalid("roles", "must hold only "
                            + Arrays.stream(Role.values()).map(RoleNames::wire).collect(Collectors.joining(", "))));
            roles.add(role);
        }
        return roles;
    }

    public static String wire(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** Sorted names, e.g. for the audit log's detail: "admin, moderator", or "none". */
    public static String describe(Collection<Role> roles) {
        return roles.isEmpty() ? "none" : roles.stream().sorted().map(RoleNames::wire).collect(Collectors.joining(", "));
    }

    public static List<String> names(Collection<Role> roles) {
        return roles.stream().sorted().map(RoleNames::wire).toList();
    }
}
