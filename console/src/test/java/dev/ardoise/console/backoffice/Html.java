package dev.ardoise.console.backoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a page shows, read as a browser test would: an element by id, its attributes and its text. */
final class Html {
    private Html() {
    }

    /** The opening tag of the element with this id; fails when the page has none. */
    static String tag(String html, String id) {
        Matcher tag = Pattern.compile("<\\w+[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!tag.find()) {
            throw new AssertionError("no #" + id + " in the page");
        }
        return tag.group();
    }

    static boolean has(String html, String id) {
        return Pattern.compile("\\bid=\"" + Pattern.quote(id) + "\"").matcher(html).find();
    }

    static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        if (!value.find()) {
            throw new AssertionError("no " + name + " in " + tag);
        }
        return value.group(1);
    }

    /** The data-amount of the element with this id: the exact decimal the page shows. */
    static String amount(String html, String id) {
        return attribute(tag(html, id), "data-amount");
    }

    /** The element's text, tags left out, spaces collapsed (the element must not nest one of its own kind). */
    static String text(String html, String id) {
        String tag = tag(html, id);
        String name = tag.substring(1).split("[\\s>]")[0];
        int start = html.indexOf(tag) + tag.length();
        int end = html.indexOf("</" + name + ">", start);
        return html.substring(start, end).replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&#39;", "'")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
    }

    /** The value of the hidden idempotency key of the form with this id. */
    static String key(String html, String formId) {
        String form = html.substring(html.indexOf(tag(html, formId)));
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(form);
        if (!key.find()) {
            throw new AssertionError("no key in the form #" + formId);
        }
        return key.group(1);
    }

    /** Every value of an attribute in the page, in order. */
    static List<String> all(String html, String attribute) {
        List<String> values = new ArrayList<>();
        Matcher value = Pattern.compile("\\b" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(html);
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }
}
