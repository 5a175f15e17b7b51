package agora.accounts;

/** Published when a suspension ends, by a moderator or because its time ran out. Modules restore what they hid. */
public record SuspensionLifted(long userId) {
}
