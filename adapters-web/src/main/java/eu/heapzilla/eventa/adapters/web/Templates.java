package eu.heapzilla.eventa.adapters.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * The pages' templates, compiled to Java classes by jte's Maven plugin from {@code src/main/jte}:
 * a template that does not compile, or is called with the wrong parameters, fails the build.
 * Output is HTML-escaped unless a template says otherwise.
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), Templates.class.getPackageName());

    /** Renders {@code template} (its file name in {@code src/main/jte}) with its one parameter. */
    void render(Context ctx, int status, String template, Object model) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, model, output);
        ctx.status(status).contentType("text/html; charset=utf-8").result(output.toString());
    }
}
