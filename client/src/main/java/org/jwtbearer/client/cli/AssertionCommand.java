package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.jose4j.json.JsonUtil;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;

/** {@code assertion}: mint and print a signed RFC 7523 assertion. */
final class AssertionCommand implements Command {

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
        return "Usage: jwtbearer assertion --iss ISSUER --aud AUDIENCE [--sub SUBJECT] [options]\n\n"
                + "Mints a signed assertion with a fresh jti and prints it.\n\n"
                + "  --decode            also print the header and claims, decoded\n"
                + "  --count N           print N assertions, one a line, each with its own jti (for load tests)\n\n"
                + SigningKeyOptions.HELP + ClaimOptions.HELP + Secrets.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = Options.parse(args, Options.names(SigningKeyOptions.NAMES, ClaimOptions.NAMES, Set.of("count")),
                Set.of("decode"));
        int count = options.integer("count", 1, 1, 1_000_000);
        JwtBearerAssertion assertion = build(ClaimOptions.of(options));
        SigningKey key = SigningKeyOptions.load(options);
        if (count > 1) {
            // Signs on every core: a load test needs many assertions, each minted fresh.
            List<String> minted = IntStream.range(0, count).parallel()
                    .mapToObj(i -> assertion.sign(key, Clock.systemUTC())).toList();
            minted.forEach(out::println);
            return 0;
        }
        String signed = assertion.sign(key, Clock.systemUTC());
        out.println(signed);
        if (options.flag("decode")) {
            String[] parts = signed.split("\\.");
            out.println("header: " + decode(parts[0]));
            out.println("claims: " + decode(parts[1]));
        }
        return 0;
    }

    private static JwtBearerAssertion build(ClaimOptions claims) {
        if (claims.issuer() == null) {
            throw new Options.UsageException("--iss is required");
        }
        if (claims.audiences().isEmpty()) {
            throw new Options.UsageException("--aud is required");
        }
        JwtBearerAssertion.Builder builder = JwtBearerAssertion.builder().issuer(claims.issuer()).subject(claims.subject())
                .lifetime(claims.lifetime());
        claims.audiences().forEach(builder::audience);
        claims.extra().forEach(builder::claim);
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
}
