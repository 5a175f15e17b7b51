package agora.accounts.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What a password must be: 8 to 128 characters and not one of the 100,000 most common breached passwords (NIST
 * SP 800-63B: length and a blocklist, no composition rules).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final BreachCheck breached;

    PasswordPolicy(BreachCheck breached) {
        this.breached = breached;
    }

    public static PasswordPolicy withBreachedPasswords() {
        return new PasswordPolicy(BreachedPasswords.fromClasspath());
    }

    /** Whether the password is on the breached list: refused for new passwords, flagged at login for old ones. */
    public boolean isBreached(String password) {
        return breached.contains(password);
    }

    /** Every reason the password is unacceptable; empty when it is fine. */
    public List<String> problems(String password) {
        var problems = new ArrayList<String>();
        if (password == null || password.isEmpty()) {
            problems.add("can't be blank");
            return problems;
        }
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("is too short (minimum is " + MIN_LENGTH + " characters)");
        }
        if (length > MAX_LENGTH) {
            problems.add("is too long (maximum is " + MAX_LENGTH + " characters)");
        }
        if (breached.contains(password)) {
            problems.add("is one of the most common passwords; choose another");
        }
        return problems;
    }
}
