package dev.ardoise.notification.api;

import dev.ardoise.notification.delivery.Emails;
import jakarta.ws.rs.core.Response;

/** How a preview answers: the email's HTML or plain-text part, its subject in a header. */
final class Previews {
    static final String SUBJECT_HEADER = "X-Email-Subject";

    enum Format { HTML, TEXT }

    private Previews() {
    }

    static Format format(String value) {
        Format format = NotificationFilter.named("format", value, Format.class);
        return format == null ? Format.HTML : format;
    }

    static Response response(Emails.Rendered rendered, Format format) {
        return format == Format.HTML
                ? Response.ok(rendered.html(), "text/html; charset=UTF-8")
                        .header(SUBJECT_HEADER, rendered.subject()).build()
                : Response.ok(rendered.text(), "text/plain; charset=UTF-8")
                        .header(SUBJECT_HEADER, rendered.subject()).build();
    }
}
