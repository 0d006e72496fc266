package eu.heapzilla.eventa.domain.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TimelineBucketTest {

    @Test
    void wireNamesAreLowerSnakeCaseInDisplayOrder() {
        List<String> names = Arrays.stream(TimelineBucket.values()).map(TimelineBucket::wireName).collect(Collectors.toList());
        assertEquals(List.of("overdue", "this_week", "this_month", "later", "undated", "done"), names);
    }
}
