package dev.ardoise.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads what the local stack's SMTP server received, through its REST API, as a person would. Public for the fault
 * suite ({@code faults}), which counts the emails its own stack's server received.
 */
public final class MailInbox {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param messageId its {@code Message-ID} header, by which a mail client shows copies of one message once */
    public record Mail(String to, String subject, String text, List<Attachment> attachments, String messageId) {
    }

    /** A file the message carries, named as the customer's mail client shows it. */
    public record Attachment(String fileName, byte[] content) {
        /** The text of a PDF attachment, as a reader (or an accountant's search) finds it. */
        String pdfText() {
            try (PDDocument pdf = Loader.loadPDF(content)) {
                return new PDFTextStripper().getText(pdf).replace('\u202F', ' ').replace('\u00A0', ' ');
            } catch (IOException e) {
                throw new AssertionError(fileName + " is not a readable PDF", e);
            }
        }
    }

    private final String apiUrl;

    public MailInbox(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The messages received for this address; none when the server never saw the address. */
    public List<Mail> messagesTo(String address) throws IOException, InterruptedException {
        List<Mail> mails = new ArrayList<>();
        for (String mime : mimeTo(address)) {
            mails.add(parse(mime));
        }
        return mails;
    }

    /** The HTML parts of the messages received for this address whose subject starts with {@code subjectStart}. */
    List<String> htmlTo(String address, String subjectStart) throws IOException, InterruptedException {
        List<String> parts = new ArrayList<>();
        for (String mime : mimeTo(address)) {
            MimeMessage message = message(mime);
            try {
                if (message.getSubject().startsWith(subjectStart)) {
                    parts.add(html(message));
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read a received message", e);
            }
        }
        return parts;
    }

    private List<String> mimeTo(String address) throws IOException, InterruptedException {
        URI uri = URI.create(apiUrl + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> mimes = new ArrayList<>();
        if (response.statusCode() == 200) {
            for (JsonNode message : JSON.readTree(response.body())) {
                mimes.add(message.get("mimeMessage").asText());
            }
        }
        return mimes;
    }

    private static MimeMessage message(String mime) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    /** The first text/html part, decoded as sent. */
    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static Mail parse(String mime) {
        try {
            MimeMessage message = message(mime);
            List<Attachment> attachments = new ArrayList<>();
            attachments(message, attachments);
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text(message),
                    List.copyOf(attachments), message.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    private static void attachments(Part part, List<Attachment> found) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (InputStream content = part.getInputStream()) {
                found.add(new Attachment(part.getFileName(), content.readAllBytes()));
            }
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                attachments(multipart.getBodyPart(i), found);
            }
        }
    }

    /** Every text part but the attachments, decoded, with the no-break spaces of French amounts made plain spaces. */
    private static String text(Part part) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return "";
        }
        if (part.isMimeType("text/*")) {
            return part.getContent().toString().replace('\u202F', ' ').replace('\u00A0', ' ');
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                text.append(text(body)).append('\n');
            }
            return text.toString();
        }
        return "";
    }
}
