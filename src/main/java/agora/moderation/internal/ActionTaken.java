package agora.moderation.internal;

/** What a moderator's action left behind: its audit entry, and how many open reports it closed. */
public record ActionTaken(AuditEntry entry, int reportsClosed) {
}
