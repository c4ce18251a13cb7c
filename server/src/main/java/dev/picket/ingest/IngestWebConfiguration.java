package dev.picket.ingest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link IngestFilter} first, ahead of Spring Security and the observation filter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class IngestWebConfiguration {

    @Bean
    FilterRegistrationBean<IngestFilter> ingestFilter(Ingestor ingestor, IngestMetrics metrics, JsonMapper json) {
        FilterRegistrationBean<IngestFilter> registration =
                new FilterRegistrationBean<>(new IngestFilter(ingestor, metrics, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
