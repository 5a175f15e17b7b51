package agora.notifications.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the development mailbox stands in for SMTP: no {@code spring.mail.host}, not {@code prod}. */
public class DevMailboxCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return MailConfiguration.usesDevMailbox(context.getEnvironment());
    }
}
