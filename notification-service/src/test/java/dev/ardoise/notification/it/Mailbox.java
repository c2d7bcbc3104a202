package dev.ardoise.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The emails GreenMail received for one test's domain, read as text (every part, decoded). */
final class Mailbox {
    private final GreenMail smtp;
    private final String domain;

    Mailbox(GreenMail smtp, String domain) {
        this.smtp = smtp;
        this.domain = domain;
    }

    List<Email> emails() {
        return Arrays.stream(smtp.getReceivedMessagesForDomain(domain)).map(Mailbox::read).toList();
    }

    /** The emails whose subject starts with this (the kinds of email share a mailbox). */
    List<Email> emails(String subjectStart) {
        return emails().stream().filter(email -> email.subject().startsWith(subjectStart)).toList();
    }

    record Email(String to, String from, String subject, String text, String html) {
        /**
         * The HTML part as a mail client shows it opened: its visible text (not the hidden preheader), cells and
         * lines apart by a space.
         */
        String shown() {
            Document page = Jsoup.parse(html);
            page.select("[style*=display:none]").remove();
            return spaces(page.body().text());
        }
    }

    private static Email read(MimeMessage message) {
        try {
            List<String> plain = new ArrayList<>();
            List<String> html = new ArrayList<>();
            collect(message, plain, html);
            return new Email(message.getAllRecipients()[0].toString(), message.getFrom()[0].toString(),
                    message.getSubject(), spaces(String.join("\n", plain)), spaces(String.join("\n", html)));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received email", e);
        }
    }

    private static void collect(Part part, List<String> plain, List<String> html)
            throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, plain, html);
            }
        } else if (part.isMimeType("text/html")) {
            html.add(content.toString());
        } else if (part.isMimeType("text/plain")) {
            plain.add(content.toString());
        }
    }

    /** The JDK writes fr-CA amounts with (narrow) no-break spaces; tests compare with plain spaces. */
    static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
