package agora.notifications.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders emails from the Thymeleaf template pair {@code templates/email/NAME.txt} (plain text) and
 * {@code templates/email/NAME.html}. The text template starts with a {@code Subject:} line and a blank line.
 * Every template can use {@code appUrl}.
 */
@Component
class EmailTemplates {

    private static final String PREFIX = "templates/email/";
    private static final String SUBJECT = "Subject:";

    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final String appUrl;

    EmailTemplates(NotificationsProperties properties) {
        this.appUrl = properties.appUrl();
    }

    RenderedEmail render(String template, Map<String, Object> model) {
        var context = new Context(Locale.ENGLISH, model);
        context.setVariable("appUrl", appUrl);
        var plain = text.process(template, context);
        if (!plain.startsWith(SUBJECT)) {
            throw new IllegalStateException(PREFIX + template + ".txt must start with a '" + SUBJECT + "' line");
        }
        var lineEnd = plain.indexOf('\n');
        var subject = plain.substring(SUBJECT.length(), lineEnd < 0 ? plain.length() : lineEnd).strip();
        var body = lineEnd < 0 ? "" : plain.substring(lineEnd + 1).stripLeading();
        return new RenderedEmail(subject, body, html.process(template, context));
    }

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        // Compiled expressions: interpreted SpEL was most of the cost of rendering an order confirmation.
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
