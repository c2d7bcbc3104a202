package dev.ardoise.notification.documents;

/** A PDF file as a customer receives it attached, or the back office downloads it. */
public record Document(String fileName, byte[] content) {
    public static final String MEDIA_TYPE = "application/pdf";

    /** The name as a Content-Disposition header and a mail client can carry it: letters, digits, dot, dash. */
    public Document {
        fileName = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
