package agora.accounts.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import agora.accounts.UserContact;
import agora.accounts.UserContacts;
import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;

/**
 * Users as other modules see them. A deleted account keeps answering by id (its content needs an author,
 * shown under a neutral placeholder name), but is no longer found by name, listed, or reachable by email.
 */
@Service
class Directory implements UserDirectory, UserContacts {

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
        return jdbc.sql(PROFILE + "where username_key = ? and deleted_at is null").param(AccountRules.key(username))
                .query(UserProfile.class).optional();
    }

    @Override
    public Map<Long, UserProfile> findAllById(Collection<Long> ids) {
        return profiles("where id in (:ids)", ids);
    }

    @Override
    public Map<Long, UserProfile> findActiveById(Collection<Long> ids) {
        return profiles("where id in (:ids) and deleted_at is null", ids);
    }

    private Map<Long, UserProfile> profiles(String where, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // list(), not stream(): an unclosed query stream keeps its connection out of the pool.
        return jdbc.sql(PROFILE + where).param("ids", ids.stream().distinct().toList())
                .query(UserProfile.class).list().stream()
                .collect(Collectors.toMap(UserProfile::id, Function.identity()));
    }

    @Override
    public List<UserProfile> listAfter(long afterId, int limit) {
        return jdbc.sql(PROFILE + "where id > ? and deleted_at is null order by id limit ?").params(afterId, limit)
                .query(UserProfile.class).list();
    }

    @Override
    public boolean isEmailVerified(long userId) {
        return jdbc.sql("select email_verified_at is not null from users where id = ?").param(userId)
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public Optional<UserContact> contactOf(long userId) {
        return jdbc.sql("""
                select id, username, email, email_verified_at is not null as verified
                from users where id = ? and deleted_at is null""")
                .param(userId)
                .query((rs, row) -> new UserContact(rs.getLong("id"), rs.getString("username"),
                        rs.getString("email"), rs.getBoolean("verified")))
                .optional();
    }
}
