package dev.ardoise.notification.api;

import dev.ardoise.notification.documents.Document;
import jakarta.ws.rs.core.Response;

/** How a PDF download answers: the file as an attachment under its own name. */
final class Downloads {
    private Downloads() {
    }

    static Response attachment(Document document) {
        return Response.ok(document.content(), Document.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .build();
    }
}
