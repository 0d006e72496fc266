package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time per thread of a process, from {@code /proc/<pid>/task/<tid>/stat} (thread names as
 * the kernel keeps them: the first 15 characters), and the time each spent runnable but waiting
 * for a core, from {@code schedstat}. The difference of two readings names the threads a server
 * spent its time on (a single busy thread or a busy pool), and says whether they were short of
 * CPU (the machine is saturated) rather than of work.
 */
final class ThreadCpu {

    private final Map<Long, String> names;
    private final Map<Long, Long> millis;
    private final Map<Long, Long> waitedMillis;

    private ThreadCpu(Map<Long, String> names, Map<Long, Long> millis, Map<Long, Long> waitedMillis) {
        this.names = names;
        this.millis = millis;
        this.waitedMillis = waitedMillis;
    }

    static ThreadCpu of(long pid) {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> millis = new HashMap<>();
        Map<Long, Long> waited = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                long tid = Long.parseLong(task.getFileName().toString());
                try {
                    names.put(tid, Files.readString(task.resolve("comm")).strip());
                    millis.put(tid, CpuTime.ofPid(pid, tid));
                    // schedstat: ns on a CPU, ns runnable but waiting for one, timeslices
                    waited.put(tid, Long.parseLong(Files.readString(task.resolve("schedstat")).strip().split(" ")[1]) / 1_000_000);
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return new ThreadCpu(names, millis, waited);
    }

    /** % of one core used between {@code before} and this reading by the threads whose name starts with {@code prefix}. */
    double percentSince(ThreadCpu before, long wallMillis, String prefix) {
        long used = 0;
        for (Map.Entry<Long, Long> thread : millis.entrySet()) {
            if (names.get(thread.getKey()).startsWith(prefix)) {
                used += thread.getValue() - before.millis.getOrDefault(thread.getKey(), 0L);
            }
        }
        return 100.0 * used / Math.max(1, wallMillis);
    }

    /**
     * The busiest thread groups (digits folded) between {@code before} and this reading: % of one
     * core used, and % of the time runnable but waiting for a core.
     */
    String busiestSince(ThreadCpu before, long wallMillis, int top) {
        Map<String, Long> byGroup = new HashMap<>();
        Map<String, Long> waitedByGroup = new HashMap<>();
        millis.forEach((tid, now) -> {
            long used = now - before.millis.getOrDefault(tid, 0L);
            String group = names.get(tid).replaceAll("\\d+", "#");
            if (used > 0) {
                byGroup.merge(group, used, Long::sum);
            }
            long waited = waitedMillis.getOrDefault(tid, 0L) - before.waitedMillis.getOrDefault(tid, 0L);
            if (waited > 0) {
                waitedByGroup.merge(group, waited, Long::sum);
            }
        });
        double wall = Math.max(1, wallMillis);
        return byGroup.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
                .map(e -> String.format(Locale.ROOT, "%s %.0f %% (+%.0f %% waiting for a core)", e.getKey(),
                        100 * e.getValue() / wall, 100 * waitedByGroup.getOrDefault(e.getKey(), 0L) / wall))
                .collect(Collectors.joining(", "));
    }
}
