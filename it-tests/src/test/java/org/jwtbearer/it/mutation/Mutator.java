package org.jwtbearer.it.mutation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Changes a valid request the way a careless or hostile caller would, one to four times over: another method,
 * path or query; headers added, dropped, doubled or garbled (content types, encodings, credentials, framing); the
 * body cut, spliced, re-encoded, padded to past its limit, nested deep, or given values of the wrong type. Every
 * choice comes from the {@link Random} handed in, so a seed and a request number give the same request again.
 *
 * <p>A {@code Basic} credential is only ever dropped or replaced whole, never edited: half a registered client's
 * secret is a failed authentication that counts towards that client's lock-out, which other suites would feel.
 */
public final class Mutator {

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "get", "X"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=ISO-8859-1", "application/merge-patch+json",
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-16", "text/plain", "application/xml",
            "multipart/form-data; boundary=xyz", "application/octet-stream", "*/*", "application/", "json", "application/json;;;",
            "APPLICATION/JSON", "application/jwt", "text/html; charset=\"utf-8\"", ""};
    private static final String[] ACCEPTS = {"application/json", "application/xml", "text/html", "*/*", "image/png", "application/json;q=0",
            "text/*;q=0.1, application/json", "garbage", "", "application/json, application/xml;q=0.9"};
    private static final String[] AUTHORIZATIONS = {"Bearer", "Bearer ", "bearer x.y.z", "Bearer a b", "Bearer eyJhbGciOiJub25lIn0.e30.",
            "Basic", "Basic ###", "Basic " + basic("mut-nobody", "wrong"), "Basic " + basic("", ""), "Digest username=x", "Negotiate abc",
            "Bearer " + "A".repeat(20_000), "Bearer \u00e9\u00e8", "Token abc"};
    private static final String[] TEXT_VALUES = {"", " ", "a", "\u00e4\u00f6\u00fc", "\u0000", "%00", "' OR '1'='1", "<script>x</script>",
            "\u202e\u200b", "\ud83d\ude42", "a".repeat(5000), "../../etc/passwd", "\\u0000", "null", "true", "-1", "1e309"};
    private static final String[] JSON_VALUES = {"null", "true", "false", "0", "-1", "1.5", "1e309", "-1e309", "99999999999999999999999999999",
            "\"\"", "\"x\"", "[]", "{}", "[1,[2,[3]]]", "{\"a\":{\"b\":null}}", "\"\\ud800\"", "\"\\u0000\"", "\"" + "x".repeat(70_000) + "\""};
    private static final String[] PATH_SUFFIXES = {"/", "//", "/x", "/..", "/%2e%2e", "/%2F", "/%ff%fe", "/%00", "/;jsessionid=abc", "/.json",
            "?", "#frag", "/%", "/%zz", "/" + "a".repeat(3000), "/\u00e9", "/ /", "/*"};
    /** In place of a record's id in a path: what no store holds, some of which a database refuses outright (U+0000). */
    private static final String[] ODD_IDS = {"%00", "a%00b", "%ff%fe", "%c0%ae", "..%2f", "%20", "%25", "%u0041", "%", "\u00e9",
            "a".repeat(600), "%F0%9F%99%82"};
    private static final String[] QUERY_PARTS = {"sysparm_limit=1000000000", "sysparm_limit=-1", "sysparm_offset=99999999999",
            "sysparm_query=%ff%fe", "sysparm_query=stateIN" + "1,".repeat(600), "sysparm_query=" + "state=1%5E".repeat(150),
            "sysparm_display_value=maybe", "sysparm_fields=%00", "sysparm_exclude_reference_link=x", "offset=-5", "limit=abc",
            "limit=99999999999", "a=%", "a=%zz", "&&&", "=x", "sysparm_query=ORDERBY", "access_token=abc", "sysparm_query=opened_at%3Ejavascript:x()"};
    private static final String[] FORM_NAMES = {"grant_type", "assertion", "scope", "client_id", "client_assertion", "client_assertion_type",
            "token", "token_type_hint", "client_secret", "", "%", "a%00b"};

    private Mutator() {
    }

    public static RawRequest mutate(RawRequest request, Random r) {
        RawRequest mutated = request;
        boolean chunked = false;
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            int operator = r.nextInt(13);
            if (operator == 12) {
                chunked = true; // framed last, once the body is final: a cut chunked body would leave the server waiting
                continue;
            }
            mutated = switch (operator) {
                case 0 -> mutated.withMethod(METHODS[r.nextInt(METHODS.length)]);
                case 1 -> mutatePath(mutated, r);
                case 2 -> mutated.withTarget(mutated.target() + (mutated.target().contains("?") ? "&" : "?") + pick(QUERY_PARTS, r));
                case 3 -> replaceHeader(mutated, "Content-Type", pick(CONTENT_TYPES, r));
                case 4 -> replaceHeader(mutated, "Accept", pick(ACCEPTS, r));
                case 5 -> mutateAuthorization(mutated, r);
                case 6 -> mutateFraming(mutated, r);
                case 7 -> mutateHeaders(mutated, r);
                case 8, 9 -> mutated.withBody(Bytes.mutate(mutated.body(), r));
                default -> mutated.withBody(isForm(mutated) ? FormBodies.mutate(mutated.body(), r) : JsonBodies.mutate(mutated.body(), r));
            };
        }
        return chunked ? Templates.with(mutated, "Transfer-Encoding", "chunked").withBody(chunked(mutated.body(), r)) : mutated;
    }

    private static RawRequest mutatePath(RawRequest request, Random r) {
        String target = request.target();
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String rest = query < 0 ? "" : target.substring(query);
        return switch (r.nextInt(5)) {
            case 0 -> request.withTarget(path + pick(PATH_SUFFIXES, r) + rest);
            case 4 -> request.withTarget(path.substring(0, path.lastIndexOf('/') + 1) + pick(ODD_IDS, r) + rest);
            case 1 -> request.withTarget(path.toUpperCase(java.util.Locale.ROOT) + rest);
            case 2 -> request.withTarget(path.replace("/", r.nextBoolean() ? "//" : "/./") + rest);
            default -> request.withTarget(path.substring(0, Math.max(1, r.nextInt(path.length() + 1))) + rest);
        };
    }

    private static RawRequest mutateAuthorization(RawRequest request, Random r) {
        String current = request.header("Authorization");
        if (current != null && current.startsWith("Bearer ") && r.nextBoolean()) {
            // A token changed in place: cut, a character replaced, or parts swapped.
            return replaceHeader(request, "Authorization", "Bearer " + Text.mutate(current.substring(7), r));
        }
        return switch (r.nextInt(3)) {
            case 0 -> removeHeader(request, "Authorization");
            case 1 -> replaceHeader(request, "Authorization", pick(AUTHORIZATIONS, r));
            default -> Templates.with(request, "Authorization", pick(AUTHORIZATIONS, r));
        };
    }

    /** How the body is encoded and announced: compressed (but not really), 100-continue, UTF-16, a length of zero. */
    private static RawRequest mutateFraming(RawRequest request, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Templates.with(request, "Content-Encoding", new String[] {"gzip", "deflate", "br", "identity", "x"}[r.nextInt(5)]);
            case 1 -> Templates.with(request, "Expect", "100-continue");
            case 2 -> request.withBody(new String(request.body(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));
            default -> Templates.with(request, "Content-Length", "0").withBody(new byte[0]);
        };
    }

    private static RawRequest mutateHeaders(RawRequest request, Random r) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        switch (r.nextInt(6)) {
            case 0 -> headers.add(Map.entry("X-HTTP-Method-Override", pick(METHODS, r)));
            case 1 -> headers.add(Map.entry("If-Match", new String[] {"*", "\"x\"", "W/\"1\"", "x", "\"", "\"1\", ", "\u00ff"}[r.nextInt(7)]));
            case 2 -> headers.add(Map.entry("X-Junk-" + r.nextInt(100), "v".repeat(1 + r.nextInt(9000))));
            case 3 -> headers.add(Map.entry("Cookie", "JSESSIONID=" + Long.toHexString(r.nextLong()) + "; Bearer=x"));
            case 4 -> {
                if (!headers.isEmpty()) {
                    Map.Entry<String, String> h = headers.get(r.nextInt(headers.size()));
                    if (!h.getValue().startsWith("Basic ")) {
                        headers.add(h); // the same header twice
                    }
                }
            }
            default -> headers.add(Map.entry("Accept-Charset", "x-unknown, utf-7"));
        }
        return request.withHeaders(headers);
    }

    private static boolean isForm(RawRequest request) {
        String type = request.header("Content-Type");
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    static RawRequest replaceHeader(RawRequest request, String name, String value) {
        return Templates.with(removeHeader(request, name), name, value);
    }

    static RawRequest removeHeader(RawRequest request, String name) {
        return request.withHeaders(request.headers().stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList());
    }

    private static byte[] chunked(byte[] body, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + r.nextInt(64));
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += size;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static String pick(String[] values, Random r) {
        return values[r.nextInt(values.length)];
    }

    private static String basic(String id, String secret) {
        return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Byte-level changes, as a broken client or a hostile one makes them. */
    static final class Bytes {

        static byte[] mutate(byte[] body, Random r) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = body.length == 0 ? 0 : r.nextInt(body.length + 1);
            switch (r.nextInt(8)) {
                case 0 -> { // flip one byte
                    byte[] copy = body.clone();
                    if (copy.length > 0) {
                        copy[r.nextInt(copy.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                    return copy;
                }
                case 1 -> { // insert random bytes
                    out.write(body, 0, at);
                    byte[] noise = new byte[1 + r.nextInt(16)];
                    r.nextBytes(noise);
                    out.writeBytes(noise);
                    out.write(body, at, body.length - at);
                }
                case 2 -> out.write(body, 0, at); // cut
                case 3 -> { // a part twice
                    int from = r.nextInt(at + 1);
                    out.write(body, 0, at);
                    out.write(body, from, at - from);
                    out.write(body, at, body.length - at);
                }
                case 4 -> { // past every size limit (64 KiB, 256 KiB)
                    out.writeBytes(body);
                    out.writeBytes(("&" + "x".repeat(70_000 + r.nextInt(250_000))).getBytes(StandardCharsets.US_ASCII));
                }
                case 5 -> { // invalid UTF-8 and a byte-order mark
                    out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
                    out.write(body, 0, at);
                    out.writeBytes(new byte[] {(byte) 0xc0, (byte) 0x80, (byte) 0xff, (byte) 0xfe, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
                    out.write(body, at, body.length - at);
                }
                case 6 -> { // random binary instead
                    byte[] noise = new byte[r.nextInt(2048)];
                    r.nextBytes(noise);
                    return noise;
                }
                default -> out.writeBytes(Text.mutate(new String(body, StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        }
    }

    /** Character-level changes of a text (a token, a body read as text). */
    static final class Text {

        static String mutate(String text, Random r) {
            if (text.isEmpty()) {
                return pick(TEXT_VALUES, r);
            }
            int at = r.nextInt(text.length());
            return switch (r.nextInt(5)) {
                case 0 -> text.substring(0, at);
                case 1 -> text.substring(0, at) + pick(TEXT_VALUES, r) + text.substring(at);
                case 2 -> text.substring(0, at) + (char) (0x21 + r.nextInt(0x5e)) + text.substring(at + 1);
                case 3 -> text.substring(at) + text.substring(0, at);
                default -> text.replace('.', new char[] {'_', ' ', '%', '.'}[r.nextInt(4)]);
            };
        }
    }

    /** Form-level changes: parameters repeated, dropped, added, or encoded wrongly. */
    static final class FormBodies {

        static byte[] mutate(byte[] body, Random r) {
            String form = new String(body, StandardCharsets.UTF_8);
            String[] pairs = form.isEmpty() ? new String[0] : form.split("&", -1);
            String changed = switch (r.nextInt(6)) {
                case 0 -> pairs.length == 0 ? form : form + "&" + pairs[r.nextInt(pairs.length)];
                case 1 -> pairs.length == 0 ? form : String.join("&", dropOne(pairs, r));
                case 2 -> form + "&" + pick(FORM_NAMES, r) + "=" + Templates.encode(pick(TEXT_VALUES, r));
                case 3 -> form + "&p=%" + new String[] {"", "z", "ff", "c3%28", "e2%82", "u0041"}[r.nextInt(6)];
                case 4 -> form + "&p=v".repeat(40);
                default -> form.replace("=", new String[] {"==", "", "=%20", "=+"}[r.nextInt(4)]);
            };
            return changed.getBytes(StandardCharsets.UTF_8);
        }

        private static List<String> dropOne(String[] pairs, Random r) {
            List<String> kept = new ArrayList<>(List.of(pairs));
            kept.remove(r.nextInt(kept.size()));
            return kept;
        }
    }

    /** JSON-level changes: values of the wrong type, members twice, text after the value, deep nesting. */
    static final class JsonBodies {

        static byte[] mutate(byte[] body, Random r) {
            String json = new String(body, StandardCharsets.UTF_8);
            String changed = switch (r.nextInt(7)) {
                case 0 -> replaceAValue(json, r);
                case 1 -> json.startsWith("{") ? "{\"state\":1,\"state\":2" + (json.length() > 2 ? "," : "") + json.substring(1) : json;
                case 2 -> json + new String[] {" xx", "{}", ",", "\u0000", "]"}[r.nextInt(5)];
                case 3 -> nested(new int[] {10, 100, 600, 1200, 5000}[r.nextInt(5)], r.nextBoolean());
                case 4 -> json.startsWith("{") ? "{\"" + pick(new String[] {"sys_id", "number", "version", "has_client_secret", "client_secret",
                        "unknown", "", "\\u0000"}, r) + "\":" + pick(JSON_VALUES, r) + (json.length() > 2 ? "," : "") + json.substring(1) : json;
                case 5 -> pick(JSON_VALUES, r);
                default -> json.replace("\"", r.nextBoolean() ? "'" : "");
            };
            return changed.getBytes(StandardCharsets.UTF_8);
        }

        /** The value of a member (the text after one of its {@code ":"}) replaced by another JSON value. */
        private static String replaceAValue(String json, Random r) {
            List<Integer> colons = new ArrayList<>();
            for (int i = json.indexOf("\":"); i >= 0; i = json.indexOf("\":", i + 1)) {
                colons.add(i + 2);
            }
            if (colons.isEmpty()) {
                return json;
            }
            int start = colons.get(r.nextInt(colons.size()));
            int end = start;
            int depth = 0;
            boolean inString = false;
            for (; end < json.length(); end++) {
                char c = json.charAt(end);
                if (inString) {
                    if (c == '\\') {
                        end++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (c == ',' && depth == 0) {
                    break;
                }
            }
            return json.substring(0, start) + pick(JSON_VALUES, r) + json.substring(Math.min(end, json.length()));
        }

        private static String nested(int depth, boolean arrays) {
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            return "{\"description\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
        }
    }
}
