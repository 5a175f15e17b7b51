package agora.media.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The image store that {@code agora.storage.type} names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "agora.storage.type", havingValue = "filesystem", matchIfMissing = true)
    ImageStore fileSystemImageStore(StorageProperties properties) {
        return new FileSystemImageStore(properties.directory());
    }
}
