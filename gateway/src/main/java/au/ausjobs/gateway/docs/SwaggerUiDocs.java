package au.ausjobs.gateway.docs;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;

import au.ausjobs.gateway.routing.ServiceCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Swagger UI for the platform: {@code springdoc.swagger-ui.urls} lists each service's document at
 * {@code /v3/api-docs/<service>} (routed to the service). When the configuration names no urls, the list is
 * made from the {@link ServiceCatalog}, the same table the routes come from.
 */
@Configuration(proxyBeanMethods = false)
public class SwaggerUiDocs {

    @Bean
    SmartInitializingSingleton serviceApiDocsInSwaggerUi(ObjectProvider<SwaggerUiConfigProperties> swaggerUi) {
        return () -> swaggerUi.ifAvailable(properties -> {
            if (properties.getUrls() == null || properties.getUrls().isEmpty()) {
                Set<SwaggerUrl> urls = new LinkedHashSet<>();
                for (ServiceCatalog.Service service : ServiceCatalog.SERVICES) {
                    urls.add(new SwaggerUrl(service.id(), service.apiDocsPath(), service.id()));
                }
                properties.setUrls(urls);
                properties.setUrlsPrimaryName(ServiceCatalog.SERVICES.get(1).id());
            }
        });
    }
}
