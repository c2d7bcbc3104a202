package dev.ardoise.console.web;

/** Where a form may send the user back to: only a path of this console, never another site. */
public final class LocalPaths {
    private static final int LONGEST = 500;

    private LocalPaths() {
    }

    public static String only(String path) {
        boolean local = path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.length() <= LONGEST;
        return local ? path : "/";
    }
}
