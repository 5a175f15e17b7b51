package agora.accounts.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;

@Service
class Directory implements UserDirectory {

    private static final String PROFILE = "select id, username, bio, image from users ";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserProfile> findById(long id) {
        return jdbc.sql(PROFILE + "where id = ?").param(id).query(UserProfile.class).optional();
    }

    @Override
    public Optional<UserProfile> findByUsername(String username) {
        return jdbc.sql(PROFILE + "where username_key = ?").param(AccountRules.key(username))
                .query(UserProfile.class).optional();
    }

    @Override
    public Map<Long, UserProfile> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(PROFILE + "where id in (:ids)").param("ids", ids.stream().distinct().toList())
                .query(UserProfile.class).list().stream() // list(): a JdbcClient stream would hold its connection until closed
                .collect(Collectors.toMap(UserProfile::id, Function.identity()));
    }

    @Override
    public List<UserProfile> listAfter(long afterId, int limit) {
        return jdbc.sql(PROFILE + "where id > ? order by id limit ?").params(afterId, limit)
                .query(UserProfile.class).list();
    }

    @Override
    public boolean isEmailVerified(long userId) {
        return jdbc.sql("select email_verified_at is not null from users where id = ?").param(userId)
                .query(Boolean.class).optional().orElse(false);
    }
}
