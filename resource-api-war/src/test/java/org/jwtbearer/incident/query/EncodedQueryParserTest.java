package org.jwtbearer.incident.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtbearer.incident.query.QueryField.*;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedQueryParserTest {

    private static QueryValue text(String value) {
        return new QueryValue.Text(value);
    }

    private static QueryValue whole(long value) {
        return new QueryValue.Whole(value);
    }

    private static QueryValue second(String iso) {
        Instant start = Instant.parse(iso);
        return new QueryValue.Moment(start, start.plusSeconds(1));
    }

    private static QueryValue day(String date) {
        Instant start = Instant.parse(date + "T00:00:00Z");
        return new QueryValue.Moment(start, start.plusSeconds(86_400));
    }

    private static Condition compare(QueryField field, Operator operator, QueryValue value) {
        return new Condition.Comparison(field, operator, value);
    }

    /** The only condition of a one-term query. */
    private static Condition single(String encoded) {
        EncodedQuery query = EncodedQueryParser.parse(encoded);
        assertEquals(1, query.branches().size(), encoded);
        assertEquals(1, query.branches().get(0).clauses().size(), encoded);
        List<Condition> alternatives = query.branches().get(0).clauses().get(0).alternatives();
        assertEquals(1, alternatives.size(), encoded);
        return alternatives.get(0);
    }

    /** Branches, their clauses and the clauses' alternatives, as nested lists. */
    private static List<List<List<Condition>>> shape(EncodedQuery query) {
        return query.branches().stream()
                .map(b -> b.clauses().stream().map(EncodedQuery.Clause::alternatives).toList())
                .toList();
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of("state=2", compare(STATE, Operator.EQUALS, whole(2))),
                Arguments.of("state!=2", compare(STATE, Operator.NOT_EQUALS, whole(2))),
                Arguments.of("short_descriptionLIKEmail", compare(SHORT_DESCRIPTION, Operator.LIKE, text("mail"))),
                Arguments.of("short_descriptionNOTLIKEmail", compare(SHORT_DESCRIPTION, Operator.NOT_LIKE, text("mail"))),
                Arguments.of("numberSTARTSWITHINC00", compare(NUMBER, Operator.STARTS_WITH, text("INC00"))),
                Arguments.of("numberENDSWITH01", compare(NUMBER, Operator.ENDS_WITH, text("01"))),
                Arguments.of("stateIN1,2,3", new Condition.Membership(STATE, false, List.of(whole(1), whole(2), whole(3)))),
                Arguments.of("stateNOT IN6,7", new Condition.Membership(STATE, true, List.of(whole(6), whole(7)))),
                Arguments.of("priority<3", compare(PRIORITY, Operator.LESS, whole(3))),
                Arguments.of("priority<=3", compare(PRIORITY, Operator.LESS_OR_EQUAL, whole(3))),
                Arguments.of("priority>3", compare(PRIORITY, Operator.GREATER, whole(3))),
                Arguments.of("priority>=3", compare(PRIORITY, Operator.GREATER_OR_EQUAL, whole(3))),
                Arguments.of("priorityBETWEEN1@3", new Condition.Range(PRIORITY, whole(1), whole(3))),
                Arguments.of("assigned_toISEMPTY", new Condition.Emptiness(ASSIGNED_TO, true)),
                Arguments.of("assigned_toISNOTEMPTY", new Condition.Emptiness(ASSIGNED_TO, false)),
                Arguments.of("sys_mod_count>=-1", compare(SYS_MOD_COUNT, Operator.GREATER_OR_EQUAL, whole(-1))),
                // values of every type
                Arguments.of("active=true", compare(ACTIVE, Operator.EQUALS, new QueryValue.Flag(true))),
                Arguments.of("active!=FALSE", compare(ACTIVE, Operator.NOT_EQUALS, new QueryValue.Flag(false))),
                Arguments.of("opened_at>2024-05-01 10:00:00", compare(OPENED_AT, Operator.GREATER, second("2024-05-01T10:00:00Z"))),
                Arguments.of("closed_at<2024-05-01", compare(CLOSED_AT, Operator.LESS, day("2024-05-01"))),
                Arguments.of("opened_atBETWEEN2024-01-01@2024-01-31 12:00:00",
                        new Condition.Range(OPENED_AT, day("2024-01-01"), second("2024-01-31T12:00:00Z"))),
                Arguments.of("opened_atBETWEEN2024-01-01@2024-01-01", new Condition.Range(OPENED_AT, day("2024-01-01"), day("2024-01-01"))),
                Arguments.of("caller_id=abel.tuter", compare(CALLER_ID, Operator.EQUALS, text("abel.tuter"))),
                // an empty string value means empty, as ServiceNow's "caller_id=" does
                Arguments.of("caller_id=", new Condition.Emptiness(CALLER_ID, true)),
                Arguments.of("category!=", new Condition.Emptiness(CATEGORY, false)),
                // recognition order: longest operator first, whole field names
                Arguments.of("descriptionINa,b", new Condition.Membership(DESCRIPTION, false, List.of(text("a"), text("b")))),
                Arguments.of("descriptionNOT INa", new Condition.Membership(DESCRIPTION, true, List.of(text("a")))),
                Arguments.of("descriptionNOTLIKEIN", compare(DESCRIPTION, Operator.NOT_LIKE, text("IN"))),
                Arguments.of("sys_id!==x", compare(SYS_ID, Operator.NOT_EQUALS, text("=x"))),
                Arguments.of("short_description<=b", compare(SHORT_DESCRIPTION, Operator.LESS_OR_EQUAL, text("b"))),
                Arguments.of("short_description=<=", compare(SHORT_DESCRIPTION, Operator.EQUALS, text("<="))),
                Arguments.of("short_description=x=y^^z", compare(SHORT_DESCRIPTION, Operator.EQUALS, text("x=y^z"))),
                Arguments.of("short_description=a^^ORb", compare(SHORT_DESCRIPTION, Operator.EQUALS, text("a^ORb"))),
                Arguments.of("short_descriptionLIKE50%_x", compare(SHORT_DESCRIPTION, Operator.LIKE, text("50%_x"))),
                Arguments.of("short_descriptionSTARTSWITH state", compare(SHORT_DESCRIPTION, Operator.STARTS_WITH, text(" state"))),
                // list items: empty ones skipped, numbers may carry spaces
                Arguments.of("stateIN1, 2,", new Condition.Membership(STATE, false, List.of(whole(1), whole(2)))),
                Arguments.of("categoryINa,,b", new Condition.Membership(CATEGORY, false, List.of(text("a"), text("b")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void parseWhenConditionThenTypedCondition(String encoded, Condition expected) {
        assertEquals(expected, single(encoded));
    }

    static Stream<Arguments> malformed() {
        String longValue = "x".repeat(EncodedQueryParser.MAX_LENGTH);
        return Stream.of(
                Arguments.of("foo=1", "Unknown field 'foo' in term 1 (foo=1)"),
                Arguments.of("state=1^statex=1", "Unknown field 'statex' in term 2 (statex=1)"),
                Arguments.of("caller_id.name=x", "Unknown field 'caller_id.name'"),
                Arguments.of("=1", "A condition must start with a field name in term 1"),
                Arguments.of("State=1", "A condition must start with a field name"),
                Arguments.of("state", "No operator after 'state'"),
                Arguments.of("state~1", "Unknown operator after 'state'; integer fields take = != IN NOT IN < <= > >= BETWEEN ISEMPTY ISNOTEMPTY"),
                Arguments.of("stateSAMEASpriority", "Unknown operator after 'state'"),
                Arguments.of("short_descriptionlike x", "Unknown field 'short_descriptionlike'"),
                // operators that do not fit the field's type
                Arguments.of("opened_atLIKE2024", "Operator LIKE does not apply to the date-time field opened_at"),
                Arguments.of("active<true", "Operator < does not apply to the boolean field active"),
                Arguments.of("activeINtrue", "Operator IN does not apply to the boolean field active"),
                Arguments.of("stateLIKE1", "Operator LIKE does not apply to the integer field state"),
                Arguments.of("short_descriptionBETWEENa@b", "Operator BETWEEN does not apply to the string field short_description"),
                Arguments.of("caller_id>m", "Operator > does not apply to the reference field caller_id"),
                Arguments.of("opened_atNOT IN2024-01-01", "Operator NOT IN does not apply to the date-time field opened_at"),
                // values of the wrong type
                Arguments.of("state=abc", "state is an integer field and 'abc' is not a whole number in term 1 (state=abc)"),
                Arguments.of("state=1.5", "'1.5' is not a whole number"),
                Arguments.of("state=", "'' is not a whole number"),
                Arguments.of("priority<1234567890", "'1234567890' is not a whole number"),
                Arguments.of("stateIN1,x", "'x' is not a whole number"),
                Arguments.of("active=yes", "active is a boolean field and takes true or false, not 'yes'"),
                Arguments.of("opened_at>2024-02-30", "opened_at is a date-time field and '2024-02-30' is not yyyy-MM-dd HH:mm:ss or yyyy-MM-dd"),
                Arguments.of("opened_at>2024-01-01T10:00:00", "'2024-01-01T10:00:00' is not yyyy-MM-dd HH:mm:ss"),
                Arguments.of("opened_at>2024-01-01 25:00:00", "'2024-01-01 25:00:00' is not yyyy-MM-dd HH:mm:ss"),
                Arguments.of("short_descriptionLIKE", "LIKE on short_description needs a value"),
                Arguments.of("caller_idISEMPTYx", "ISEMPTY takes no value"),
                // lists and ranges
                Arguments.of("stateIN", "IN needs at least one value"),
                Arguments.of("stateIN, ,", "IN needs at least one value"),
                Arguments.of("categoryNOT IN", "NOT IN needs at least one value"),
                Arguments.of("stateIN" + "1,".repeat(EncodedQueryParser.MAX_LIST_VALUES + 1), "IN takes at most 500 values"),
                Arguments.of("priorityBETWEEN1", "BETWEEN takes two values written low@high"),
                Arguments.of("priorityBETWEEN1@2@3", "BETWEEN takes two values written low@high"),
                Arguments.of("priorityBETWEEN@3", "'' is not a whole number"),
                Arguments.of("priorityBETWEEN3@1", "BETWEEN low@high has its low value above its high value"),
                Arguments.of("opened_atBETWEEN2024-02-01@2024-01-01", "has its low value above its high value"),
                // scripts are not evaluated, and not taken literally either
                Arguments.of("short_description=javascript:gs.getUserID()", "javascript: values are not supported"),
                Arguments.of("opened_at>JavaScript:gs.daysAgoStart(7)", "javascript: values are not supported"),
                Arguments.of("caller_idINabel,javascript:getMyGroups()", "javascript: values are not supported"),
                Arguments.of("opened_atBETWEEN2024-01-01@javascript:gs.endOfToday()", "javascript: values are not supported"),
                // grouping and ordering
                Arguments.of("ORstate=1", "^OR has no condition before it to join in term 1"),
                Arguments.of("state=1^NQ^ORstate=2", "^OR has no condition before it to join in term 3"),
                Arguments.of("state=1^OR", "A condition must start with a field name in term 2 (OR)"),
                Arguments.of("state=1^ORfoo=2", "Unknown field 'foo' in term 2 (ORfoo=2)"),
                Arguments.of("ORDERBY", "ORDERBY needs a field name in term 1"),
                Arguments.of("state=1^ORDERBYDESC", "ORDERBY needs a field name in term 2"),
                Arguments.of("ORDERBYfoo", "Unknown field 'foo' to order by"),
                Arguments.of("ORDERBYDESCnumber,state", "Unknown field 'number,state' to order by"),
                // size limits
                Arguments.of("short_description=" + longValue, "sysparm_query is longer than 4000 characters"),
                Arguments.of("state=1^".repeat(EncodedQueryParser.MAX_TERMS + 1), "sysparm_query has more than 100 terms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void parseWhenMalformedThenInvalidQueryWithWhatAndWhere(String encoded, String detail) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> EncodedQueryParser.parse(encoded));
        assertEquals(400, e.status());
        assertEquals("Invalid query", e.getMessage());
        assertTrue(e.detail().contains(detail), () -> "detail '" + e.detail() + "' should contain '" + detail + "'");
    }

    @Test
    void parseWhenTermsLongAndManyUpToTheLimitsThenAccepted() {
        String atLength = "short_description=" + "x".repeat(EncodedQueryParser.MAX_LENGTH - "short_description=".length());
        assertEquals(EncodedQueryParser.MAX_LENGTH, atLength.length());
        assertEquals(1, EncodedQueryParser.parse(atLength).branches().size());
        EncodedQuery hundred = EncodedQueryParser.parse("state=1^".repeat(EncodedQueryParser.MAX_TERMS));
        assertEquals(EncodedQueryParser.MAX_TERMS, hundred.branches().get(0).clauses().size());
        Condition.Membership list = (Condition.Membership) single("stateIN" + "1,".repeat(EncodedQueryParser.MAX_LIST_VALUES));
        assertEquals(EncodedQueryParser.MAX_LIST_VALUES, list.values().size());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "^", "EQ", "^EQ^"})
    void parseWhenNothingToAskThenEveryRecordInDefaultOrder(String encoded) {
        EncodedQuery query = EncodedQueryParser.parse(encoded);
        assertTrue(query.branches().isEmpty() && query.sortKeys().isEmpty(), String.valueOf(query));
    }

    @Test
    void parseWhenOrThenBindsTighterThanAnd() {
        Condition a = single("state=1");
        Condition b = single("state=2");
        Condition c = single("active=true");

        assertEquals(List.of(List.of(List.of(a, b), List.of(c))), shape(EncodedQueryParser.parse("state=1^ORstate=2^active=true")));
        assertEquals(List.of(List.of(List.of(c), List.of(a, b))), shape(EncodedQueryParser.parse("active=true^state=1^ORstate=2")));
        assertEquals(List.of(List.of(List.of(a, b, c))), shape(EncodedQueryParser.parse("state=1^ORstate=2^ORactive=true")));
    }

    @Test
    void parseWhenNewQueryThenSeparateBranchesAndEmptyOnesDropped() {
        Condition a = single("state=1");
        Condition b = single("state=2");
        Condition c = single("active=true");

        assertEquals(List.of(List.of(List.of(a)), List.of(List.of(b, c))),
                shape(EncodedQueryParser.parse("state=1^NQstate=2^ORactive=true")));
        assertEquals(List.of(List.of(List.of(a)), List.of(List.of(b))), shape(EncodedQueryParser.parse("state=1^NQ^state=2")));
        assertEquals(List.of(List.of(List.of(a))), shape(EncodedQueryParser.parse("state=1^NQ")));
        assertEquals(List.of(List.of(List.of(a))), shape(EncodedQueryParser.parse("NQ^state=1^NQ^NQ")));
    }

    @Test
    void parseWhenEmptyTermsAndClosingEqThenIgnored() {
        assertEquals(List.of(List.of(List.of(single("state=1")), List.of(single("active=true")))),
                shape(EncodedQueryParser.parse("^state=1^active=true^EQ^")));
    }

    @Test
    void parseWhenCaretsDoubledThenLiteralCaretNotSeparator() {
        // greedy from the left: "^^" is a caret, a third "^" separates
        assertEquals(List.of(List.of(List.of(single("short_description=a^^")), List.of(single("state=1")))),
                shape(EncodedQueryParser.parse("short_description=a^^^state=1")));
        assertEquals(compare(SHORT_DESCRIPTION, Operator.EQUALS, text("a^")), single("short_description=a^^"));
    }

    @Test
    void parseWhenOrderByAnywhereThenSortKeysInOrderWrittenAndConditionsUntouched() {
        EncodedQuery query = EncodedQueryParser.parse("ORDERBYDESCpriority^state=1^ORDERBYnumber^ORstate=2^NQactive=true^ORDERBYDESCopened_at");

        assertEquals(List.of(new EncodedQuery.SortKey(PRIORITY, true), new EncodedQuery.SortKey(NUMBER, false),
                new EncodedQuery.SortKey(OPENED_AT, true)), query.sortKeys());
        // the ^OR after the ORDERBY term still joins the condition before it
        assertEquals(List.of(List.of(List.of(single("state=1"), single("state=2"))), List.of(List.of(single("active=true")))),
                shape(query));
    }

    @Test
    void parseWhenOnlyOrderByThenNoRestriction() {
        EncodedQuery query = EncodedQueryParser.parse("ORDERBYnumber^ORDERBYDESCsys_created_on");
        assertTrue(query.branches().isEmpty());
        assertEquals(2, query.sortKeys().size());
    }

    @Test
    void conditionWhenOperatorDoesNotFitFieldThenRefusedByTheModelToo() {
        assertThrows(IllegalArgumentException.class,
                () -> new Condition.Comparison(OPENED_AT, Operator.LIKE, text("2024")));
        assertThrows(IllegalArgumentException.class, () -> new Condition.Membership(STATE, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Condition.Comparison(STATE, Operator.IN, whole(1)));
    }

    @Test
    void escapeLikeWhenWildcardsThenTakenLiterally() {
        assertEquals("50!% off!_sale !!now", QueryCriteria.escapeLike("50% off_sale !now"));
        assertEquals("plain", QueryCriteria.escapeLike("plain"));
    }
}
