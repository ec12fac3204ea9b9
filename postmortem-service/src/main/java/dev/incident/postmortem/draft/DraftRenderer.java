package dev.incident.postmortem.draft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.Variant;
import org.jboss.logging.Logger;

import dev.incident.postmortem.config.PostmortemConfig;
import dev.incident.postmortem.domain.DocumentNames;
import dev.incident.postmortem.domain.PostmortemDraft;
import dev.incident.postmortem.domain.RenderedDraft;

/**
 * Renders a draft with the Qute templates postmortem.html and postmortem.md: the bundled ones, or
 * the files of the same names in {@code postmortem.template-dir}, read again on every render so an
 * edit shows in the next draft. HTML output escapes every value; the Markdown one escapes user text
 * with {@code .md}.
 */
@ApplicationScoped
@TemplateData(target = PostmortemDraft.class)
@TemplateData(target = PostmortemDraft.Person.class)
@TemplateData(target = PostmortemDraft.DurationLine.class)
@TemplateData(target = PostmortemDraft.TimelineEntry.class)
@TemplateData(target = PostmortemDraft.FollowUpLine.class)
public class DraftRenderer {

    static final String HTML = "postmortem.html";
    static final String MARKDOWN = "postmortem.md";
    private static final Logger LOG = Logger.getLogger(DraftRenderer.class);

    private final Engine engine;
    private final Optional<Path> templateDir;

    @Inject
    public DraftRenderer(Engine engine, PostmortemConfig config) {
        this(engine, config.templateDir());
    }

    /** A renderer with the templates of {@code templateDir} where it has them. */
    public DraftRenderer(Engine engine, Optional<Path> templateDir) {
        this.engine = engine;
        this.templateDir = templateDir;
        templateDir.ifPresent(dir -> LOG.infof("postmortem templates from %s", dir));
    }

    public RenderedDraft render(PostmortemDraft draft) {
        String html = template(HTML, "text/html").data("draft", draft).render();
        String markdown = template(MARKDOWN, "text/markdown").data("draft", draft).render();
        String title = DocumentNames.title(draft.reference(), draft.title());
        return new RenderedDraft(draft.incidentId(), draft.reference(), title, html, markdown);
    }

    private Template template(String name, String contentType) {
        Optional<Path> custom =
                templateDir.map(dir -> dir.resolve(name)).filter(Files::isRegularFile);
        if (custom.isEmpty()) {
            return engine.getTemplate(name);
        }
        try {
            String content = Files.readString(custom.get());
            return engine.parse(
                    content, Variant.forContentType(contentType), custom.get().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the template " + custom.get(), e);
        }
    }
}
