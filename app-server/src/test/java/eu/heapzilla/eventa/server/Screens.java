package eu.heapzilla.eventa.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The web app's committed screenshots ({@code docs/web/}): a page's new screenshot is compared
 * with the committed one, or, with {@code -Deventa.web.screens.dir=DIR}, written there instead
 * (to regenerate them). Two pictures match when they have the same width and at most
 * {@link #TOLERANCE} of their pixels differ visibly (dates and "5 s ago" change from run to run).
 */
final class Screens {

    static final double TOLERANCE = 0.03;
    private static final Path COMMITTED = findCommitted();

    private Screens() {
    }

    /** Where new screenshots are written instead of compared, if asked for. */
    static Optional<Path> regenerating() {
        String dir = System.getProperty("eventa.web.screens.dir");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /**
     * Writes or compares {@code png} as {@code name}.
     *
     * @return empty when it matches (or was written), else why not
     */
    static Optional<String> check(String name, byte[] png) {
        try {
            Optional<Path> out = regenerating();
            if (out.isPresent()) {
                Files.createDirectories(out.get());
                Files.write(out.get().resolve(name), png);
                return Optional.empty();
            }
            Path committed = COMMITTED.resolve(name);
            if (!Files.exists(committed)) {
                return Optional.of(name + " is not in " + COMMITTED + ": regenerate the screenshots (see the README)");
            }
            double differing = difference(ImageIO.read(committed.toFile()), ImageIO.read(new ByteArrayInputStream(png)));
            return differing <= TOLERANCE ? Optional.empty()
                    : Optional.of(String.format("%s differs from the committed picture in %.1f %% of its pixels", name, differing * 100));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The share of pixels that differ visibly; rows only one picture has count as differing. */
    static double difference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth()) {
            return 1.0;
        }
        int width = a.getWidth();
        int common = Math.min(a.getHeight(), b.getHeight());
        long total = (long) width * Math.max(a.getHeight(), b.getHeight());
        long differing = (long) width * (Math.max(a.getHeight(), b.getHeight()) - common);
        for (int y = 0; y < common; y++) {
            for (int x = 0; x < width; x++) {
                if (distinct(a.getRGB(x, y), b.getRGB(x, y))) {
                    differing++;
                }
            }
        }
        return (double) differing / total;
    }

    private static boolean distinct(int p, int q) {
        return Math.abs(channel(p, 16) - channel(q, 16)) > 24 || Math.abs(channel(p, 8) - channel(q, 8)) > 24
                || Math.abs(channel(p, 0) - channel(q, 0)) > 24;
    }

    private static int channel(int rgb, int shift) {
        return (rgb >> shift) & 0xff;
    }

    private static Path findCommitted() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/web")) || Files.exists(dir.resolve(".ci/run"))) {
                return dir.resolve("docs/web");
            }
        }
        return here.resolve("docs/web");
    }
}
