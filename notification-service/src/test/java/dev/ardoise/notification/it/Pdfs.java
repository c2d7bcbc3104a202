package dev.ardoise.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PDFs read back as a customer's PDF reader shows them: the attachments GreenMail received, a download or a composed
 * email's attachment, their text. The one way the tests read a PDF.
 */
public final class Pdfs {
    private Pdfs() {
    }

    /** A PDF as read back: its file name, content type, pages and text (no-break spaces as plain spaces). */
    public record Pdf(String fileName, String contentType, int pages, String text) {
    }

    /** The PDF attachments of the emails sent to this domain whose subject starts with this. */
    static List<Pdf> attached(GreenMail smtp, String domain, String subjectStart) {
        List<Pdf> pdfs = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessagesForDomain(domain)) {
            try {
                if (message.getSubject().startsWith(subjectStart)) {
                    collect(message, pdfs);
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot read a received email", e);
            }
        }
        return pdfs;
    }

    public static Pdf read(String fileName, String contentType, byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            return new Pdf(fileName, contentType, document.getNumberOfPages(),
                    Mailbox.spaces(new PDFTextStripper().getText(document)));
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF: " + fileName, e);
        }
    }

    private static void collect(Part part, List<Pdf> pdfs) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, pdfs);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            pdfs.add(read(part.getFileName(), part.getContentType(), part.getInputStream().readAllBytes()));
        }
    }

    public static void assertHolds(Pdf pdf, String... expected) {
        List<String> missing = Arrays.stream(expected).filter(text -> !pdf.text().contains(text)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("expected " + missing + " in " + pdf.fileName() + ":\n" + pdf.text());
        }
    }
}
