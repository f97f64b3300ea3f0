package org.jwtbearer.it.mutation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Valid requests to every endpoint the product serves, one of which each mutated request starts from: near enough
 * to the real thing that mutations reach the parsers behind authentication, not just the first refusal.
 *
 * <p>What they may change is chosen so the other suites sharing the server are left alone: client secrets and
 * client assertions go only with the right secret or to client ids that do not exist (a wrong one for a registered
 * client would count towards its lock-out); writes name only the client, user and incident this run created or
 * ids that do not exist; signing keys are only read; the only token revoked is one obtained for that.
 */
public final class Templates {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** What the templates authenticate with and which records of their own they may write to. */
    public record Material(String adminToken, String itilToken, String victimToken, String basicCredentials,
                           List<String> assertions, String foreignAssertion, String ownedClient, String ownedUser,
                           String ownedIncident, String publicKeyPem) {
    }

    private final Material m;
    private final List<Function<Random, RawRequest>> all;

    public Templates(Material material) {
        this.m = material;
        this.all = List.of(
                this::tokenRequest, this::tokenRequest, this::tokenRequest, this::tokenRequestPostedSecret,
                this::tokenRequestClientAssertion, this::introspection, this::revocation, this::jwks, this::discovery,
                this::incidentList, this::incidentList, this::incidentList, this::incidentRead, this::userList,
                this::incidentCreate, this::incidentCreate, this::incidentUpdate, this::incidentUpdate, this::incidentDelete,
                this::adminRead, this::adminRead, this::adminCreateClient, this::adminCreateUser, this::adminAddKey,
                this::adminPatchClient, this::adminPatchUser, this::adminPatchUnknown, this::adminDeleteUnknown);
    }

    public RawRequest pick(Random random) {
        return all.get(random.nextInt(all.size())).apply(random);
    }

    // ---- token endpoint, introspection, revocation, keys

    private RawRequest tokenRequest(Random r) {
        String body = form("grant_type", JWT_BEARER, "assertion", assertion(r), "scope", r.nextBoolean() ? "useraccount" : null);
        return formPost(tokenPath(r), body, "Authorization", m.basicCredentials());
    }

    private RawRequest tokenRequestPostedSecret(Random r) {
        return formPost(tokenPath(r), form("grant_type", JWT_BEARER, "assertion", assertion(r),
                "client_id", "mut-nobody-" + r.nextInt(1000), "client_secret", "mut-secret"));
    }

    private RawRequest tokenRequestClientAssertion(Random r) {
        return formPost(tokenPath(r), form("grant_type", JWT_BEARER, "assertion", assertion(r),
                "client_assertion_type", CLIENT_ASSERTION_TYPE, "client_assertion", m.foreignAssertion()));
    }

    private RawRequest introspection(Random r) {
        String token = r.nextBoolean() ? m.itilToken() : m.victimToken();
        return formPost("/oauth2/introspect", form("token", token, "token_type_hint", r.nextBoolean() ? "access_token" : null),
                "Authorization", m.basicCredentials());
    }

    private RawRequest revocation(Random r) {
        return formPost("/oauth2/revoke", form("token", m.victimToken(), "token_type_hint", r.nextBoolean() ? "access_token" : null),
                "Authorization", m.basicCredentials());
    }

    private RawRequest jwks(Random r) {
        return RawRequest.of("GET", "/oauth2/jwks", new byte[0], "Accept", "application/json");
    }

    private RawRequest discovery(Random r) {
        return RawRequest.of("GET", "/.well-known/oauth-authorization-server", new byte[0], "Accept", "application/json");
    }

    // ---- Table API

    private RawRequest incidentList(Random r) {
        String[] queries = {"active=true^ORDERBYDESCnumber", "state=1^ORstate=2^priority<=3", "short_descriptionLIKEdisk^NQcategory=network",
                "opened_at>2024-01-01 00:00:00", "numberSTARTSWITHINC00^assigned_toISEMPTY", "stateIN1,2,3^ORDERBYpriority"};
        String target = "/api/now/table/incident?sysparm_limit=" + (1 + r.nextInt(20)) + "&sysparm_offset=" + r.nextInt(5)
                + "&sysparm_query=" + encode(queries[r.nextInt(queries.length)])
                + "&sysparm_display_value=" + new String[] {"true", "false", "all"}[r.nextInt(3)];
        return api("GET", target, null, m.itilToken());
    }

    private RawRequest incidentRead(Random r) {
        return api("GET", "/api/now/table/incident/" + (r.nextBoolean() ? m.ownedIncident() : randomSysId(r)), null, m.itilToken());
    }

    private RawRequest userList(Random r) {
        return api("GET", r.nextBoolean() ? "/api/now/v1/table/sys_user?sysparm_limit=5" : "/api/now/table/sys_user/" + randomSysId(r),
                null, m.itilToken());
    }

    private RawRequest incidentCreate(Random r) {
        String body = "{\"short_description\":\"mutation " + r.nextInt(100000) + "\",\"description\":\"made by MutationIT\","
                + "\"impact\":" + (1 + r.nextInt(3)) + ",\"urgency\":\"" + (1 + r.nextInt(3)) + "\",\"category\":\"software\"}";
        return api("POST", "/api/now/table/incident", body, m.itilToken());
    }

    private RawRequest incidentUpdate(Random r) {
        String body = "{\"state\":\"2\",\"description\":\"changed by MutationIT\",\"urgency\":" + (1 + r.nextInt(3)) + "}";
        String target = "/api/now/table/incident/" + (r.nextInt(3) > 0 ? m.ownedIncident() : randomSysId(r));
        RawRequest request = api(r.nextBoolean() ? "PATCH" : "PUT", target, body, m.itilToken());
        return r.nextBoolean() ? request : with(request, "If-Match", "\"" + Long.toHexString(r.nextLong()) + "\"");
    }

    private RawRequest incidentDelete(Random r) {
        return api("DELETE", "/api/now/table/incident/" + randomSysId(r), null, m.itilToken());
    }

    // ---- admin API

    private RawRequest adminRead(Random r) {
        String[] targets = {"/admin/clients?offset=0&limit=5", "/admin/users?limit=3", "/admin/signing-keys",
                "/admin/clients/" + m.ownedClient(), "/admin/clients/" + m.ownedClient() + "/keys", "/admin/users/" + m.ownedUser()};
        return api("GET", targets[r.nextInt(targets.length)], null, m.adminToken());
    }

    private RawRequest adminCreateClient(Random r) {
        String body = "{\"client_id\":\"mut-client-" + r.nextInt(1_000_000) + "\",\"user_field\":\"user_name\",\"scopes\":[\"useraccount\"],"
                + "\"max_assertion_lifetime\":300,\"verifier_keys\":[{\"kid\":\"k1\",\"public_key\":" + jsonString(m.publicKeyPem()) + "}]}";
        return api("POST", "/admin/clients", body, m.adminToken());
    }

    private RawRequest adminCreateUser(Random r) {
        String body = "{\"user_name\":\"mut.user." + r.nextInt(1_000_000) + "\",\"name\":\"Mutation User\",\"roles\":[\"itil\"],\"active\":true}";
        return api("POST", "/admin/users", body, m.adminToken());
    }

    private RawRequest adminAddKey(Random r) {
        String body = "{\"kid\":\"k" + r.nextInt(1000) + "\",\"public_key\":" + jsonString(m.publicKeyPem()) + "}";
        return api("POST", "/admin/clients/" + m.ownedClient() + "/keys", body, m.adminToken());
    }

    private RawRequest adminPatchClient(Random r) {
        String body = "{\"name\":\"Mutated " + r.nextInt(1000) + "\",\"scopes\":[\"useraccount\",\"reporting\"],\"clock_skew\":30}";
        return contentType(api("PATCH", "/admin/clients/" + m.ownedClient(), body, m.adminToken()), r);
    }

    private RawRequest adminPatchUser(Random r) {
        String body = "{\"name\":\"Mutated " + r.nextInt(1000) + "\",\"email\":\"mut@example.com\"}";
        return contentType(api("PATCH", "/admin/users/" + m.ownedUser(), body, m.adminToken()), r);
    }

    private RawRequest adminPatchUnknown(Random r) {
        String body = "{\"name\":\"nobody\"}";
        String target = r.nextBoolean() ? "/admin/clients/mut-unknown-" + r.nextInt(1000) : "/admin/users/mut.unknown." + r.nextInt(1000);
        return contentType(api("PATCH", target, body, m.adminToken()), r);
    }

    private RawRequest adminDeleteUnknown(Random r) {
        String[] targets = {"/admin/clients/mut-unknown-" + r.nextInt(1000), "/admin/users/mut.unknown." + r.nextInt(1000),
                "/admin/clients/" + m.ownedClient() + "/keys/mut-unknown-kid"};
        return api("DELETE", targets[r.nextInt(targets.length)], null, m.adminToken());
    }

    // ---- helpers

    private String assertion(Random r) {
        return m.assertions().get(r.nextInt(m.assertions().size()));
    }

    private static String tokenPath(Random r) {
        return r.nextBoolean() ? "/oauth_token.do" : "/oauth2/token";
    }

    /** The admin API's own error message names both JSON types. */
    private static RawRequest contentType(RawRequest request, Random r) {
        return r.nextBoolean() ? request : Mutator.replaceHeader(request, "Content-Type", "application/merge-patch+json");
    }

    static RawRequest with(RawRequest request, String name, String value) {
        java.util.List<java.util.Map.Entry<String, String>> headers = new java.util.ArrayList<>(request.headers());
        headers.add(java.util.Map.entry(name, value));
        return request.withHeaders(headers);
    }

    private static RawRequest formPost(String target, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return RawRequest.of("POST", target, body.getBytes(StandardCharsets.UTF_8), all);
    }

    private static RawRequest api(String method, String target, String jsonBody, String token) {
        if (jsonBody == null) {
            return RawRequest.of(method, target, new byte[0], "Accept", "application/json", "Authorization", "Bearer " + token);
        }
        return RawRequest.of(method, target, jsonBody.getBytes(StandardCharsets.UTF_8), "Accept", "application/json",
                "Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    /** name=value pairs, form-encoded; a null value leaves its parameter out. */
    static String form(String... nameValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                out.append(out.isEmpty() ? "" : "&").append(encode(nameValues[i])).append('=').append(encode(nameValues[i + 1]));
            }
        }
        return out.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String randomSysId(Random r) {
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
