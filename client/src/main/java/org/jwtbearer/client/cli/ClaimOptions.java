package org.jwtbearer.client.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The assertion's claims as the command line gives them. */
record ClaimOptions(String issuer, String subject, List<String> audiences, Duration lifetime, Map<String, String> extra) {

    static final Set<String> NAMES = Set.of("iss", "sub", "aud", "lifetime", "claim");

    static final String HELP = """
            Assertion claims:
              --iss ISSUER        iss: usually the client id
              --sub SUBJECT       sub: the user, as the endpoint's user field matches it (user name, email, ...)
              --aud AUDIENCE      aud, repeatable
              --lifetime SECONDS  seconds until exp (default 120)
              --claim NAME=VALUE  another string claim, repeatable (box_sub_type, a claim validation's value, Google's scope)
            """;

    static ClaimOptions of(Options options) {
        long seconds = options.integer("lifetime", 120, 1, 86_400);
        Map<String, String> extra = new LinkedHashMap<>();
        for (String claim : options.all("claim")) {
            int eq = claim.indexOf('=');
            if (eq <= 0) {
                throw new Options.UsageException("--claim takes NAME=VALUE, got '" + claim + "'");
            }
            extra.put(claim.substring(0, eq), claim.substring(eq + 1));
        }
        return new ClaimOptions(options.get("iss").orElse(null), options.get("sub").orElse(null), options.all("aud"),
                Duration.ofSeconds(seconds), extra);
    }
}
