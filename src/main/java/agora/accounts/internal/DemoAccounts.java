package agora.accounts.internal;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.UserRegistered;
import agora.platform.DemoSeeding;

/**
 * On the first start with an empty database, creates demo users with known passwords (all in one transaction) and
 * prints them once. Their passwords are public, so they are hashed cheaply (upgraded at their first login). Other
 * modules seed their demo content after this ({@code agora.demo-data.enabled=false} turns all off).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("agora.demo-data.enabled")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record DemoUser(String username, String email, String password, User.Role role, String bio) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "alice@example.com", "alice-demo-pass", User.Role.USER,
                    "Collects vintage cameras and writes about street photography."),
            new DemoUser("bob", "bob@example.com", "bob-demo-pass", User.Role.USER,
                    "Woodworker. Sells hand-made cutting boards."),
            new DemoUser("carol", "carol@example.com", "carol-demo-pass", User.Role.USER,
                    "Runner, baker, occasional poet."),
            new DemoUser("dave", "dave@example.com", "dave-demo-pass", User.Role.USER,
                    "Keyboard enthusiast; reviews everything with switches."),
            new DemoUser("admin", "admin@example.com", "admin-demo-pass", User.Role.ADMIN,
                    "Agora staff."));

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DemoSeeding seeding;
    private final Clock clock;

    DemoAccounts(UserRepository users, PasswordHasher hasher, ApplicationEventPublisher events,
            TransactionTemplate transaction, DemoSeeding seeding, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
        this.transaction = transaction;
        this.seeding = seeding;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.seed("users", () -> {
            if (users.isEmpty()) {
                seed();
            }
        });
    }

    private void seed() {
        var hashes = USERS.stream().map(demo -> hasher.hashPublicPassword(demo.password())).toList();
        var lines = new StringBuilder("Demo data: created these users (email / password):");
        transaction.executeWithoutResult(tx -> {
            for (int i = 0; i < USERS.size(); i++) {
                var demo = USERS.get(i);
                var id = users.insert(demo.username(), demo.email(), hashes.get(i), demo.role(), clock.instant());
                var user = users.findById(id).orElseThrow();
                // Demo addresses receive no mail; they count as verified so demo sellers can sell.
                users.update(new User(id, user.username(), user.email(), user.passwordHash(), demo.bio(), null,
                        user.role(), clock.instant()), clock.instant());
                // Like any sign-up, so that other modules (search) learn of demo users too.
                events.publishEvent(new UserRegistered(id, demo.username()));
                lines.append("\n  ").append(demo.email()).append(" / ").append(demo.password())
                        .append(demo.role() == User.Role.ADMIN ? "  (admin)" : "");
            }
        });
        log.info(lines.toString());
    }
}
