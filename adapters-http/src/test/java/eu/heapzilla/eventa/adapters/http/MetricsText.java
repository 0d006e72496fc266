package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/** One scrape of {@code GET /metrics} in Prometheus's text format, read series by series. */
final class MetricsText {

    /** One sample line: {@code name{label="value",…} number}. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    final String text;
    final List<Sample> samples = new ArrayList<>();

    private MetricsText(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
    }

    /** Scrapes {@code client}'s server, which must answer 200 in the text format. */
    static MetricsText scrape(TestClient client) {
        HttpResponse<String> response = client.get(MetricsRoute.PATH);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(MetricsRoute.TEXT, response.headers().firstValue("Content-Type").orElse(""));
        return new MetricsText(response.body());
    }

    static MetricsText of(String text) {
        return new MetricsText(text);
    }

    /** Whether some series is called {@code name}. */
    boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    /**
     * The value of the one series called {@code name} whose labels include {@code labels}
     * ({@code "key", "value", …}); 0 when there is none yet, as for a counter not yet moved.
     */
    double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
        if (matching.size() > 1) {
            fail("several series of " + name + " carry " + wanted + ": " + matching);
        }
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    /** Scrapes until {@code read} of a scrape satisfies {@code expected} (metrics are recorded just after a response), at most 10 s. */
    static MetricsText await(TestClient client, ToDoubleFunction<MetricsText> read, DoublePredicate expected,
                             Supplier<String> what) {
        return await(() -> scrape(client), read, expected, what);
    }

    /** The same with scrapes of {@code scraper}'s making. */
    static MetricsText await(Supplier<MetricsText> scraper, ToDoubleFunction<MetricsText> read, DoublePredicate expected,
                             Supplier<String> what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            MetricsText scrape = scraper.get();
            double value = read.applyAsDouble(scrape);
            if (expected.test(value)) {
                return scrape;
            }
            if (System.nanoTime() > deadline) {
                fail(what.get() + ": still " + value);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            readLabels(line.substring(brace + 1, line.lastIndexOf('}')), labels);
        } else {
            name = line.substring(0, space);
        }
        String number = line.substring(space + 1).replace("Inf", "Infinity");
        return new Sample(name, labels, Double.parseDouble(number));
    }

    private static void readLabels(String text, Map<String, String> labels) {
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            String key = text.substring(i, equals);
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (text.charAt(j) != '"') {
                char c = text.charAt(j);
                if (c == '\\') {
                    j++;
                    c = text.charAt(j) == 'n' ? '\n' : text.charAt(j);
                }
                value.append(c);
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            }
        }
    }
}
