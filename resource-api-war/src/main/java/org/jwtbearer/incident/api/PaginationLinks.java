package org.jwtbearer.incident.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.UriBuilder;

/**
 * The {@code Link} header of a list answer, shaped as ServiceNow shapes it:
 * {@code <…?sysparm_limit=10&sysparm_offset=0>;rel="first",…;rel="prev",…;rel="next",…;rel="last"}.
 */
final class PaginationLinks {

    private PaginationLinks() {
    }

    static String header(UriBuilder request, int offset, int limit, long total) {
        List<String> links = new ArrayList<>();
        long lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit;
        links.add(link(request, 0, limit, "first"));
        if (offset > 0) {
            links.add(link(request, Math.max(0, offset - limit), limit, "prev"));
        }
        if (offset + limit < total) {
            links.add(link(request, offset + limit, limit, "next"));
        }
        links.add(link(request, lastOffset, limit, "last"));
        return String.join(",", links);
    }

    private static String link(UriBuilder request, long offset, int limit, String rel) {
        String target = request.clone()
                .replaceQueryParam("sysparm_limit", limit)
                .replaceQueryParam("sysparm_offset", offset)
                .build().toString();
        return "<" + target + ">;rel=\"" + rel + "\"";
    }
}
