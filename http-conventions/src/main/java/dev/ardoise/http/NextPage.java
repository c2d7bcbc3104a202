package dev.ardoise.http;

import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * The one way a paged list says where its next page is: a {@code Link: <...>; rel="next"} header (RFC 8288) on
 * every page but the last, naming the request's own path and query with the paging parameters moved on. The body
 * keeps its shape, so a client that reads one page (the tour's {@code curl}) is unaffected. The link is relative
 * (path and query): behind a proxy, the host the service saw is not the one the client used.
 */
public final class NextPage {
    public static final String HEADER = "Link";

    private NextPage() {
    }

    /**
     * The header's value: the request with its position (e.g. {@code after}, {@code page}) and its size (e.g.
     * {@code limit}, {@code size}) set, in that order, after the request's other parameters.
     */
    public static String link(UriInfo request, String position, Object at, String size, Object of) {
        URI uri = request.getRequestUriBuilder().replaceQueryParam(position).replaceQueryParam(size)
                .queryParam(position, at).queryParam(size, of).build();
        return "<" + uri.getRawPath() + "?" + uri.getRawQuery() + ">; rel=\"next\"";
    }
}
