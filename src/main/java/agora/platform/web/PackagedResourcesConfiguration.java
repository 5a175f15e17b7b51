package agora.platform.web;

import java.util.ArrayList;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Puts {@link PackagedResources} in front of the resolvers of every static resource handler (Boot's, for the web UI
 * under {@code spring.mvc.static-path-pattern}); Boot offers no public hook on its resource registration.
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
}
