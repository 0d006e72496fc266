package eu.heapzilla.eventa.adapters.http;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/** Small real files of every receipt type, and some that are not receipts, made by the test itself. */
final class SampleFiles {

    private SampleFiles() {
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    /** A one-page PDF that readers open: catalogue, page tree, page, cross-reference table. */
    static byte[] pdf() {
        return pdf(0);
    }

    /** A valid PDF of exactly {@code size} bytes (at least a few hundred), padded with a comment. */
    static byte[] pdfOfSize(int size) {
        int padding = size - pdf().length;
        byte[] pdf = pdf(padding);
        // The padding pushes the cross-reference table further, and its offset may gain digits.
        return pdf.length == size ? pdf : pdf(padding - (pdf.length - size));
    }

    /** {@link #pdf()} with a comment of {@code padding} bytes, for files of a chosen size. */
    static byte[] pdf(int padding) {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 210 297] >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        if (padding > 0) {
            byte[] comment = new byte[padding];
            Arrays.fill(comment, (byte) 'x');
            comment[0] = '%';
            comment[padding - 1] = '\n';
            out.writeBytes(comment);
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** A lossy WebP: RIFF container, WEBP form, a VP8 key-frame header for a 1×1 picture. */
    static byte[] webp() {
        byte[] frame = {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, 0x01, 0x00, 0x01, 0x00};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "RIFF");
        out.writeBytes(le32(4 + 8 + frame.length));
        write(out, "WEBPVP8 ");
        out.writeBytes(le32(frame.length));
        out.writeBytes(frame);
        return out.toByteArray();
    }

    /** The start of a HEIC photo as phones write it: an ISO-BMFF {@code ftyp} box of brand heic, then a meta box. */
    static byte[] heic() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(be32(24));
        write(out, "ftypheic");
        out.writeBytes(be32(0));
        write(out, "mif1heic");
        out.writeBytes(be32(12));
        write(out, "meta");
        out.writeBytes(be32(0));
        return out.toByteArray();
    }

    /** The start of a Windows executable: the MZ header. */
    static byte[] windowsExecutable() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[2] = (byte) 0x90;
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    /** The start of a Linux executable: the ELF header. */
    static byte[] linuxExecutable() {
        byte[] bytes = new byte[64];
        bytes[0] = 0x7f;
        bytes[1] = 'E';
        bytes[2] = 'L';
        bytes[3] = 'F';
        bytes[4] = 2;
        bytes[5] = 1;
        bytes[6] = 1;
        return bytes;
    }

    /**
     * {@code length} bytes, made as they are read: a PDF header, then filler. Nothing of it is
     * held, so sending it costs the sender no memory.
     */
    static InputStream generatedPdf(long length) {
        byte[] header = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= length) {
                    return -1;
                }
                int b = position < header.length ? header[(int) position] : 'x';
                position++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = position < header.length ? header[(int) position] : (byte) 'x';
                    position++;
                }
                return n;
            }
        };
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, new Color(x * 16, y * 16, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    private static byte[] be32(int value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }
}
