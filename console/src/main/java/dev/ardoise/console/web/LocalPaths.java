package dev.ardoise.console.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a form may send the user back to: only a path of this console, never another site, and only one that
 * {@link URI} reads (a space, a tab, a quote or {@code <} would make the redirect fail): no scheme, no host, a path
 * starting with one {@code /}. Anything else is {@code /}.
 */
public final class LocalPaths {
    private static final int LONGEST = 500;

    private LocalPaths() {
    }

    public static String only(String path) {
        // "//host" and "///host" name another site for a browser, whatever URI makes of them
        if (path == null || path.length() > LONGEST || path.contains("\\") || path.startsWith("//")) {
            return "/";
        }
        try {
            URI uri = new URI(path);
            boolean local = uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//");
            return local ? path : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
