package eu.heapzilla.eventa.domain.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReceiptNameTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Rechnung.pdf|Rechnung.pdf",
            "../../etc/passwd|passwd",
            "C:\\Users\\me\\Blumen \"Rosen\".pdf|Blumen Rosen.pdf",
            "  spaced.pdf  |spaced.pdf",
            "..|receipt.pdf",
            "/|receipt.pdf",
            "''|receipt.pdf",
            "Zoë’s café.pdf|Zoë’s café.pdf",
    })
    void anUploadedNameIsKeptWithoutPathsQuotesOrControlCharacters(String uploaded, String kept) {
        assertEquals(kept, ReceiptName.of(uploaded, ReceiptType.PDF).value());
    }

    @Test
    void controlAndFormatCharactersAreDropped() {
        assertEquals("evilfdp.exe", ReceiptName.of("evil\r\n\u202Efdp.exe", ReceiptType.PDF).value());
        assertEquals("receipt.jpg", ReceiptName.of(null, ReceiptType.JPEG).value());
    }

    @Test
    void aVeryLongNameIsShortened() {
        String name = ReceiptName.of("a".repeat(500) + ".pdf", ReceiptType.PDF).value();
        assertEquals(ReceiptName.MAX_LENGTH, name.length());
        assertTrue(name.startsWith("aaa"));
    }

    @Test
    void anUncleanNameIsNeverARecord() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiptName("a/b"));
        assertThrows(IllegalArgumentException.class, () -> new ReceiptName(" "));
    }

    @Test
    void onlyThePhotoAndPdfTypesAreReceipts() {
        assertEquals(ReceiptType.HEIC, ReceiptType.ofDetected("image/heif").orElseThrow());
        assertEquals(ReceiptType.JPEG, ReceiptType.ofDetected("IMAGE/JPEG").orElseThrow());
        assertTrue(ReceiptType.ofDetected("application/x-msdownload").isEmpty());
        assertTrue(ReceiptType.ofDetected("text/html").isEmpty());
        assertTrue(ReceiptType.ofDetected(null).isEmpty());
    }
}
