package dev.ardoise.notification.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * XHTML and CSS laid out as a PDF by openhtmltopdf on Apache PDFBox, with one embedded font: Liberation Sans, which
 * PDFBox ships, has every French accent, "$", "€" and the no-break spaces of fr-CA amounts, and needs nothing
 * installed on the host. Bold text is drawn in it too (it has no bold face here); the layout marks what matters by
 * size and rules instead.
 */
final class PdfRenderer {
    static final String FONT_FAMILY = "Document Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final byte[] font;

    static {
        // openhtmltopdf writes every step of every document to stderr at INFO; its warnings are worth keeping.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    PdfRenderer() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT + " is not on the class path");
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PDFBox's font " + FONT, e);
        }
    }

    /** @param xhtml a well-formed XHTML document (the templates' output) */
    byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (int weight : new int[] {400, 700}) {
            builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, weight, FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out a PDF", e);
        }
        return pdf.toByteArray();
    }
}
