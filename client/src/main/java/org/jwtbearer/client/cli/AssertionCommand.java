package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.jose4j.json.JsonUtil;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;

/** {@code assertion}: mint and print a signed RFC 7523 assertion. */
final class AssertionCommand implements Command {

    static final Set<String> CLAIM_OPTIONS = Set.of("iss", "sub", "aud", "lifetime", "claim");
    static final String CLAIM_HELP = """
              --iss ISSUER        iss claim: usually the client id (required)
              --sub SUBJECT       sub claim: the user, as the client's user field matches it (required)
              --aud AUDIENCE      aud claim, repeatable: usually the token endpoint URL (required)
              --lifetime SECONDS  seconds until exp (default 300)
              --claim NAME=VALUE  an extra string claim, repeatable (a claim validation, scope, ...)
            """;

    @Override
    public String name() {
        return "assertion";
    }

    @Override
    public String summary() {
        return "mint and print a signed JWT bearer assertion";
    }

    @Override
    public String help() {
        return "Usage: jwtbearer assertion [options]\n\nMints a signed assertion with a fresh jti and prints it.\n\n"
                + KeystoreOptions.HELP + CLAIM_HELP
                + "  --decode            also print the header and claims, decoded\n"
                + "  --count N           print N assertions, one a line, each with its own jti (for load tests)\n";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = Options.parse(args, union(union(KeystoreOptions.NAMES, CLAIM_OPTIONS), Set.of("count")), Set.of("decode"));
        int count = Integer.parseInt(options.get("count").orElse("1"));
        if (count < 1) {
            throw new Options.UsageException("--count must be at least 1");
        }
        if (count > 1) {
            printMany(options, count, out);
            return 0;
        }
        String assertion = mint(options);
        out.println(assertion);
        if (options.flag("decode")) {
            String[] parts = assertion.split("\\.");
            out.println("header: " + decode(parts[0]));
            out.println("claims: " + decode(parts[1]));
        }
        return 0;
    }

    /** Signs on every core: a load test needs many assertions, each minted fresh. */
    private static void printMany(Options options, int count, PrintStream out) {
        SigningKey key = KeystoreOptions.load(options);
        JwtBearerAssertion assertion = build(options);
        List<String> minted = IntStream.range(0, count).parallel()
                .mapToObj(i -> assertion.sign(key, Clock.systemUTC()))
                .toList();
        minted.forEach(out::println);
        out.flush();
    }

    /** Builds and signs the assertion the options describe (shared with the token command). */
    static String mint(Options options) {
        return build(options).sign(KeystoreOptions.load(options), Clock.systemUTC());
    }

    private static JwtBearerAssertion build(Options options) {
        JwtBearerAssertion.Builder builder = JwtBearerAssertion.builder()
                .issuer(options.required("iss"))
                .subject(options.required("sub"))
                .lifetime(Duration.ofSeconds(Long.parseLong(options.get("lifetime").orElse("300"))));
        List<String> audiences = options.all("aud");
        if (audiences.isEmpty()) {
            throw new Options.UsageException("--aud is required");
        }
        audiences.forEach(builder::audience);
        for (String claim : options.all("claim")) {
            int eq = claim.indexOf('=');
            if (eq <= 0) {
                throw new Options.UsageException("--claim takes NAME=VALUE, got '" + claim + "'");
            }
            builder.claim(claim.substring(0, eq), claim.substring(eq + 1));
        }
        return builder.build();
    }

    private static String decode(String part) {
        String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        try {
            return JsonUtil.toJson(JsonUtil.parseJson(json));
        } catch (Exception e) {
            return json;
        }
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
