package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The budget over real HTTP: amounts as integer minor units with their currency, and the summary. */
class BudgetApiTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String alex;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String items(String event) {
        return "/api/v1/events/" + event + "/budget-items";
    }

    private static String eventWithBudget(String body) {
        return api.expect(201, api.call(alex, "POST", "/api/v1/events", body)).path("id").asText();
    }

    @Test
    void anItemKeepsEveryAmountAsWholeMinorUnitsBesideTheEventsCurrency() {
        String event = eventWithBudget("{\"title\": \"Wedding\", \"currency\": \"CHF\"}");
        JsonNode item = api.expect(201, api.call(alex, "POST", items(event), """
                {"category": "Venue", "title": "Schloss Hof", "vendor": "Schloss Hof GmbH", "estimated_cents": 1200000,
                 "actual_cents": 1150050, "paid_cents": 300000, "due_on": "2027-03-01", "notes": "Deposit paid"}
                """));
        assertEquals("CHF", item.path("currency").asText());
        assertEquals(1_200_000L, item.path("estimated_cents").asLong());
        assertEquals(1_150_050L, item.path("actual_cents").asLong());
        assertEquals(300_000L, item.path("paid_cents").asLong());
        assertEquals(1_150_050L, item.path("expected_cents").asLong());
        assertEquals(850_050L, item.path("still_to_pay_cents").asLong());
        assertTrue(item.path("estimated_cents").isIntegralNumber() && item.path("actual_cents").isIntegralNumber());
        assertEquals("2027-03-01", item.path("due_on").asText());
        assertEquals("Schloss Hof GmbH", item.path("vendor").asText());
        assertEquals(List.of(), api.expect(200, api.get(alex, items(event) + "/" + item.path("id").asText()))
                .path("receipts").findValuesAsText("id"));
    }

    @Test
    void anActualAmountNotKnownYetDiffersFromZero() {
        String event = eventWithBudget("{\"title\": \"Wedding\"}");
        JsonNode unknown = api.expect(201, api.call(alex, "POST", items(event),
                "{\"category\": \"Band\", \"title\": \"Jazz trio\", \"estimated_cents\": 150000}"));
        assertTrue(unknown.path("actual_cents").isNull());
        assertEquals(150_000L, unknown.path("still_to_pay_cents").asLong());
        JsonNode free = api.expect(200, api.call(alex, "PATCH", items(event) + "/" + unknown.path("id").asText(),
                "{\"version\": 1, \"actual_cents\": 0}"));
        assertEquals(0L, free.path("actual_cents").asLong());
        assertFalse(free.path("actual_cents").isNull());
        assertEquals(0L, free.path("still_to_pay_cents").asLong());
        JsonNode cleared = api.expect(200, api.call(alex, "PATCH", items(event) + "/" + unknown.path("id").asText(),
                "{\"version\": 2, \"actual_cents\": null}"));
        assertTrue(cleared.path("actual_cents").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"estimated_cents\": 12.5|estimated_cents",
            "\"estimated_cents\": -1|estimated_cents",
            "\"paid_cents\": \"100\"|paid_cents",
            "\"actual_cents\": 1000000000001|actual_cents",
            "\"paid_cents\": null|paid_cents",
            "\"estimated_cents\": 1e3|estimated_cents",
            "\"due_on\": \"2027-13-01\"|due_on",
    })
    void anAmountThatIsNotWholeMinorUnitsIsRefused(String extra, String field) {
        String event = eventWithBudget("{\"title\": \"Wedding\"}");
        JsonNode refused = assertError(api.call(alex, "POST", items(event),
                "{\"category\": \"Venue\", \"title\": \"Hall\", " + extra + "}"), 400, "validation_error");
        assertEquals(field, refused.path("info").path("field").asText());
        assertEquals(0, api.expect(200, api.get(alex, items(event))).path("budget_items").size());
    }

    @Test
    void theSummaryAddsUpPerCategoryAndAgainstThePlannedBudget() {
        String event = eventWithBudget("{\"title\": \"Wedding\", \"planned_budget_cents\": 1000000}");
        api.expect(201, api.call(alex, "POST", items(event),
                "{\"category\": \"Venue\", \"title\": \"Hall\", \"estimated_cents\": 500000, \"actual_cents\": 550000, \"paid_cents\": 100000}"));
        api.expect(201, api.call(alex, "POST", items(event),
                "{\"category\": \"Flowers\", \"title\": \"Bouquets\", \"estimated_cents\": 80000, \"paid_cents\": 90000}"));
        api.expect(201, api.call(alex, "POST", items(event),
                "{\"category\": \"flowers\", \"title\": \"Garlands\", \"estimated_cents\": 20000}"));

        JsonNode summary = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/budget/summary"));
        assertEquals("EUR", summary.path("currency").asText());
        assertEquals(1_000_000L, summary.path("planned_cents").asLong());
        JsonNode overall = summary.path("overall");
        assertEquals(3, overall.path("items").asInt());
        assertEquals(600_000L, overall.path("estimated_cents").asLong());
        assertEquals(550_000L, overall.path("actual_cents").asLong());
        assertEquals(190_000L, overall.path("paid_cents").asLong());
        assertEquals(650_000L, overall.path("expected_cents").asLong());
        assertEquals(470_000L, overall.path("still_to_pay_cents").asLong(), "an overpaid item owes nothing, and gives nothing back");
        assertEquals(350_000L, summary.path("remaining_cents").asLong());
        assertFalse(summary.path("over_budget").asBoolean());
        assertEquals(List.of("Flowers", "flowers", "Venue"), summary.path("categories").findValuesAsText("category"));

        api.expect(200, api.call(alex, "PATCH", "/api/v1/events/" + event, "{\"version\": 1, \"planned_budget_cents\": 600000}"));
        JsonNode over = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/budget/summary"));
        assertEquals(-50_000L, over.path("remaining_cents").asLong());
        assertTrue(over.path("over_budget").asBoolean());
    }

    @Test
    void withoutAPlannedBudgetThereIsNothingToCompareWith() {
        String event = eventWithBudget("{\"title\": \"Wedding\"}");
        JsonNode summary = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/budget/summary"));
        assertTrue(summary.path("planned_cents").isNull());
        assertTrue(summary.path("remaining_cents").isNull());
        assertFalse(summary.path("over_budget").asBoolean());
        assertEquals(0, summary.path("overall").path("items").asInt());
        assertEquals(0, summary.path("categories").size());
    }

    @Test
    void theSummaryOfManyRandomItemsIsExactToTheCent() {
        String event = eventWithBudget("{\"title\": \"Wedding\", \"planned_budget_cents\": 99999999999}");
        Random random = new Random(20261122);
        Map<String, BigInteger[]> expected = new TreeMap<>();
        BigInteger[] overall = zeros();
        for (int i = 0; i < 150; i++) {
            String category = "C" + random.nextInt(7);
            long estimated = random.nextLong(1_000_000_000_000L);
            Long actual = random.nextBoolean() ? random.nextLong(1_000_000_000_000L) : null;
            long paid = random.nextLong(1_000_000_000_000L);
            api.expect(201, api.call(alex, "POST", items(event), "{\"category\": \"" + category + "\", \"title\": \"Item " + i
                    + "\", \"estimated_cents\": " + estimated + ", \"actual_cents\": " + actual + ", \"paid_cents\": " + paid + "}"));
            BigInteger[] sums = expected.computeIfAbsent(category, c -> zeros());
            for (BigInteger[] into : List.of(sums, overall)) {
                add(into, estimated, actual, paid);
            }
        }
        JsonNode summary = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/budget/summary"));
        assertSums(overall, summary.path("overall"));
        for (JsonNode category : summary.path("categories")) {
            assertSums(expected.get(category.path("category").asText()), category);
        }
        assertEquals(BigInteger.valueOf(99_999_999_999L).subtract(overall[3]), summary.path("remaining_cents").bigIntegerValue());
    }

    private static BigInteger[] zeros() {
        return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    }

    private static void add(BigInteger[] sums, long estimated, Long actual, long paid) {
        BigInteger expectedCost = BigInteger.valueOf(actual != null ? actual : estimated);
        sums[0] = sums[0].add(BigInteger.valueOf(estimated));
        sums[1] = sums[1].add(BigInteger.valueOf(actual != null ? actual : 0));
        sums[2] = sums[2].add(BigInteger.valueOf(paid));
        sums[3] = sums[3].add(expectedCost);
        sums[4] = sums[4].add(expectedCost.subtract(BigInteger.valueOf(paid)).max(BigInteger.ZERO));
    }

    private static void assertSums(BigInteger[] sums, JsonNode totals) {
        assertEquals(sums[0], totals.path("estimated_cents").bigIntegerValue());
        assertEquals(sums[1], totals.path("actual_cents").bigIntegerValue());
        assertEquals(sums[2], totals.path("paid_cents").bigIntegerValue());
        assertEquals(sums[3], totals.path("expected_cents").bigIntegerValue());
        assertEquals(sums[4], totals.path("still_to_pay_cents").bigIntegerValue());
    }
}
