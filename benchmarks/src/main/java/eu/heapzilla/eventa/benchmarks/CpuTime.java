package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system, in milliseconds) of the server JVM and of its embedded PostgreSQL,
 * read from {@code /proc/<pid>/stat}; and of this JVM, the client. The difference of two readings
 * over a wall-clock interval tells where the machine's cores went.
 *
 * @param serverMillis the server JVM
 * @param postgresMillis the postmaster, the backends it has reaped, and its live backends
 */
record CpuTime(long serverMillis, long postgresMillis) {

    /** Linux's USER_HZ, which has been 100 on every mainstream architecture. */
    private static final long TICKS_PER_SECOND = 100;

    /** utime + stime of the process. */
    static long ofPid(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"), false) * 1000 / TICKS_PER_SECOND;
    }

    /** utime + stime of one thread of the process. */
    static long ofPid(long pid, long tid) {
        return ticks(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"), false) * 1000 / TICKS_PER_SECOND;
    }

    /** utime + stime of the process and of its children that ended and were waited for (cutime + cstime). */
    static long ofPidWithReapedChildren(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"), true) * 1000 / TICKS_PER_SECOND;
    }

    private static long ticks(Path statFile, boolean reaped) {
        try {
            String stat = Files.readString(statFile);
            // Field 2 (comm) may hold spaces; everything after its closing parenthesis is space-separated,
            // starting with field 3: utime is field 14, stime 15, cutime 16, cstime 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (reaped) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** CPU time of this JVM (the benchmark client), in milliseconds. */
    static long clientMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return 0;
    }

    /**
     * Per cent of one core used by each of server, PostgreSQL and client between two readings.
     */
    static String usage(CpuTime before, long clientBefore, CpuTime after, long clientAfter, long wallMillis) {
        double wall = Math.max(1, wallMillis);
        return String.format(java.util.Locale.ROOT, "server JVM %.0f %%, PostgreSQL %.0f %%, benchmark client %.0f %% of one core",
                100 * (after.serverMillis - before.serverMillis) / wall,
                100 * Math.max(0, after.postgresMillis - before.postgresMillis) / wall,
                100 * (clientAfter - clientBefore) / wall);
    }
}
