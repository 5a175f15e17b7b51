package agora.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Serves the web UI's files cheaply: {@link PackagedResources} goes in front of the resolvers of every static resource
 * handler (Boot's, for the web UI under {@code spring.mvc.static-path-pattern}; Boot offers no public hook on its
 * resource registration), and the files the application ships are mapped by their exact paths ahead of the
 * controllers.
 */
@Configuration(proxyBeanMethods = false)
class PackagedResourcesConfiguration {

    @Bean
    static BeanPostProcessor packagedResources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SimpleUrlHandlerMapping mapping) {
                    mapping.getHandlerMap().values().forEach(handler -> {
                        if (handler instanceof ResourceHttpRequestHandler resources) {
                            var resolvers = new ArrayList<>(resources.getResourceResolvers());
                            resolvers.addFirst(new PackagedResources());
                            resources.setResourceResolvers(resolvers);
                            try {
                                // Rebuilds its resolver chain, which it made from the resolvers it had.
                                resources.afterPropertiesSet();
                            } catch (Exception e) {
                                throw new BeanInitializationException("cannot set up " + name, e);
                            }
                        }
                    });
                }
                return bean;
            }
        };
    }

    /**
     * Without it, a file's path is first tried against every controller mapping (a path that is no API path is
     * matched against all of them, twice) before Boot's {@code /**} resource mapping gets it: that cost more than
     * serving the file. Files added to a development build's file system later still go the long way.
     */
    @Bean
    HandlerMapping webUiFiles(@Qualifier("resourceHandlerMapping") HandlerMapping resources) throws IOException {
        var handler = ((SimpleUrlHandlerMapping) resources).getHandlerMap().get("/**");
        var files = new LinkedHashMap<String, Object>();
        for (var file : new PathMatchingResourcePatternResolver().getResources("classpath:/static/**")) {
            var url = file.getURL().toString();
            if (file.isReadable() && !url.endsWith("/")) {
                files.put(url.substring(url.lastIndexOf("/static/") + "/static".length()), handler);
            }
        }
        return new SimpleUrlHandlerMapping(files, Ordered.HIGHEST_PRECEDENCE);
    }
}
