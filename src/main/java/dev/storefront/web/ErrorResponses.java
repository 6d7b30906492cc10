package dev.storefront.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Builds the answer to a failed request: problem+json for the API, an HTML page for browsers. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance notFound(String path);

        static native TemplateInstance clientError(int status, String title, String detail);

        static native TemplateInstance serverError(String incident);
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
