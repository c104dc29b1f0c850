package app.stagedoor.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files, under the four prefixes the pages link to (and the security chain opens), in
 * place of Spring Boot's catch-all {@code /**} mapping ({@code spring.web.resources.add-mappings:
 * false}). With webjars on the class path every link a template writes ({@code @{…}}) is passed
 * through the resource chain to be versioned; under {@code /**} that meant looking for each page
 * address (a poll's, a form's) as a file in every static location and in the webjars, in the
 * jar, on every render, and misses are not cached. Now only links under these prefixes are looked
 * up. Any other address no controller serves is still a 404.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true); // version-agnostic webjar paths (webjars-locator-lite)
        for (var folder : new String[] {"css", "js", "images"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
    }
}
