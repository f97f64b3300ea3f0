package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jwtbearer.client.AccessToken;

/** {@code token}: mint an assertion and exchange it for an access token at a token endpoint. */
final class TokenCommand implements Command {

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String summary() {
        return "request an access token with a freshly minted assertion";
    }

    @Override
    public String help() {
        return "Usage: jwtbearer token --token-url URL [options]\n\n"
                + "Mints an assertion, posts it to the token endpoint (RFC 7523 §2.1) and prints the answer as JSON.\n\n"
                + "  --print MEMBER      print only this member of the answer, e.g. --print access_token\n\n"
                + ClientOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = Options.parse(args, Options.names(ClientOptions.NAMES, Set.of("print")), Set.of());
        AccessToken token = ClientOptions.build(options).requestToken();
        if (options.get("print").isPresent()) {
            String member = options.get("print").get();
            Object value = token.response().get(member);
            if (value == null) {
                throw new CliException(CliException.UNREACHABLE, "the answer has no member '" + member + "'; it has "
                        + token.response().keySet());
            }
            out.println(value);
        } else {
            out.println(JsonUtil.toJson(token.response()));
        }
        return 0;
    }
}
