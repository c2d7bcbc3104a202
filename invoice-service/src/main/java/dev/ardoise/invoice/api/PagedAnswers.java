package dev.ardoise.invoice.api;

import dev.ardoise.http.NextPage;
import dev.ardoise.invoice.persistence.Page;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;


/** A page of a list as answered: the page in the body, the next one (if any) in the Link header. */
final class PagedAnswers {
    /** How the Link header is documented on every paged list. */
    static final String LINK = "<...?page=n&size=m>; rel=\"next\" (the request's other parameters kept), on every "
            + "page but the last";

    private PagedAnswers() {
    }

    static <T> RestResponse<Page<T>> of(Page<T> page, UriInfo request) {
        RestResponse.ResponseBuilder<Page<T>> answer = RestResponse.ResponseBuilder.ok(page);
        if (page.hasNext()) {
            answer.header(NextPage.HEADER, NextPage.link(request, "page", page.page() + 1, "size",
                    page.size()));
        }
        return answer.build();
    }
}
