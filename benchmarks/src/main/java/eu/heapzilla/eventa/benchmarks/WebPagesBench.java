package eu.heapzilla.eventa.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

/**
 * Scenario 4: the web app's heaviest pages for a large event (300 households, 800 guests, 400
 * tasks, 200 budget items). Each page is asked for 1 000 times in a row as a browser asks (session
 * cookie, {@code Accept-Encoding: gzip}, one kept-alive connection), right after the event is
 * filled (cold) and again after that (warm); the time is the client's on loopback, from sending
 * the request to the last byte, so it is an upper bound of the server's rendering time. The bytes
 * are what the page sends: on the wire (gzip) and uncompressed.
 */
final class WebPagesBench {

    static final int HOUSEHOLDS = 300;
    static final int GUESTS = 800;
    static final int TASKS = 400;
    static final int BUDGET_ITEMS = 200;
    static final int REQUESTS = 1000;

    private final Main.Context ctx;

    WebPagesBench(Main.Context ctx) {
        this.ctx = ctx;
    }

    /** One page's figures: latency percentiles (µs) cold and warm, and its size. */
    record PageResult(String page, Percentiles cold, Percentiles warm, long wireBytes, long htmlBytes) {
    }

    record Result(List<PageResult> pages, Duration fill) {
    }

    Result run() throws Exception {
        String bearer = ctx.owner().bearer();
        Api api = ctx.api();
        long started = System.nanoTime();
        String event = api.createEvent(bearer, "Jane & Tom's wedding");
        api.call("PATCH", "/api/v1/events/" + event, bearer, Map.of("version", 1, "date", "2027-06-12",
                "planned_budget_cents", 3_500_000, "location", "Schloss Hof"), 200);
        List<String> households = new ArrayList<>();
        for (List<CompletableFuture<HttpResponse<String>>> batch : batches(HOUSEHOLDS, i -> api.callAsync("POST",
                "/api/v1/events/" + event + "/households", bearer, Map.of("name", "Household " + i, "address", "Street " + i + ", 1010 Wien")))) {
            for (CompletableFuture<HttpResponse<String>> done : batch) {
                households.add(Api.parse(ok(done.get(), 201)).get("id").asText());
            }
        }
        String[] rsvps = {"yes", "no", "maybe", "pending"};
        fill(GUESTS, i -> api.callAsync("POST", "/api/v1/events/" + event + "/guests", bearer, Map.of(
                "household_id", households.get(i % HOUSEHOLDS), "name", "Guest Müller " + i, "rsvp", rsvps[i % 4],
                "plus_one", i % 7 == 0, "meal_choice", i % 3 == 0 ? "Vegetarian" : "Fish", "dietary_notes", i % 11 == 0 ? "No nuts" : "")));
        fill(TASKS, i -> api.callAsync("POST", "/api/v1/events/" + event + "/tasks", bearer, Map.of(
                "title", "Task " + i, "due_on", "2027-" + String.format("%02d", 1 + i % 12) + "-" + String.format("%02d", 1 + i % 28))));
        fill(BUDGET_ITEMS, i -> api.callAsync("POST", "/api/v1/events/" + event + "/budget-items", bearer, Map.of(
                "category", "Category " + i % 12, "title", "Item " + i, "estimated_cents", 10_000 + i * 100, "paid_cents", i * 10)));
        Duration fill = Duration.ofNanos(System.nanoTime() - started);
        Main.log("pages: event filled in %d ms", fill.toMillis());

        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("guest list", "/events/" + event + "/guests");
        pages.put("overview (dashboard)", "/events/" + event);
        List<PageResult> results = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            URI uri = ctx.server().base().resolve(page.getValue());
            Sample cold = sample(browser, uri, bearer);
            Sample warm = sample(browser, uri, bearer);
            results.add(new PageResult(page.getKey(), cold.latency(), warm.latency(), warm.wireBytes(), warm.htmlBytes()));
        }
        return new Result(results, fill);
    }

    private record Sample(Percentiles latency, long wireBytes, long htmlBytes) {
    }

    private static Sample sample(HttpClient browser, URI uri, String bearer) throws Exception {
        long[] micros = new long[REQUESTS];
        long wire = 0;
        long html = 0;
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Cookie", "eventa_session=" + bearer)
                    .header("Accept-Encoding", "gzip").header("Accept-Language", "de-AT,de;q=0.9,en;q=0.8")
                    .header("Accept", "text/html").GET().build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = browser.send(request, HttpResponse.BodyHandlers.ofByteArray());
            micros[i] = (System.nanoTime() - start) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            wire = response.body().length;
            html = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip") ? gunzipped(response.body()) : wire;
        }
        return new Sample(Percentiles.of(micros, REQUESTS), wire, html);
    }

    private static long gunzipped(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(int count, java.util.function.IntFunction<CompletableFuture<HttpResponse<String>>> call) throws Exception {
        for (List<CompletableFuture<HttpResponse<String>>> batch : batches(count, call)) {
            for (CompletableFuture<HttpResponse<String>> done : batch) {
                ok(done.get(), 201);
            }
        }
    }

    /** The calls, 8 in flight at a time (the server's per-bearer allowance is set high for the run). */
    private static List<List<CompletableFuture<HttpResponse<String>>>> batches(int count,
            java.util.function.IntFunction<CompletableFuture<HttpResponse<String>>> call) throws Exception {
        List<List<CompletableFuture<HttpResponse<String>>>> done = new ArrayList<>();
        for (int start = 0; start < count; start += 8) {
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + 8); i++) {
                batch.add(call.apply(i));
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get();
            done.add(batch);
        }
        return done;
    }

    private static String ok(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static void print(Result result) {
        Table table = new Table("Scenario 4: web pages of a large event (" + HOUSEHOLDS + " households, " + GUESTS + " guests, "
                + TASKS + " tasks, " + BUDGET_ITEMS + " budget items), " + REQUESTS + " requests each, one after another",
                "page", "cold p50 ms", "cold p99 ms", "warm p50 ms", "warm p99 ms", "warm max ms", "bytes sent (gzip)", "HTML bytes");
        for (PageResult page : result.pages()) {
            table.row(page.page(), Percentiles.ms(page.cold().median()), Percentiles.ms(page.cold().at(99)),
                    Percentiles.ms(page.warm().median()), Percentiles.ms(page.warm().at(99)), Percentiles.ms(page.warm().max()),
                    page.wireBytes(), page.htmlBytes());
        }
        table.note("time from request sent to last byte read, on loopback, as a browser asks (cookie, gzip, keep-alive); the event "
                + "was filled through the API in " + result.fill().toMillis() + " ms just before the cold run");
        table.print(System.out);
    }
}
