package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.http.ExportDocuments;
import eu.heapzilla.eventa.domain.event.EventId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export-event", mixinStandardHelpOptions = true,
        description = "Write one event as the JSON document its members download (GET …/export.json), byte for byte.")
final class ExportEventCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Parameters(paramLabel = "EVENT_ID", description = "the event's id", converter = CliValues.EventIds.class)
    private EventId event;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    private Path out;

    @Override
    public Integer call() throws IOException {
        byte[] document;
        try (Toolbox toolbox = Toolbox.open(parent)) {
            document = ExportDocuments.json(toolbox.useCases().administer().exportEvent(event));
        }
        if (out == null) {
            parent.out().write(document);
            parent.out().flush();
        } else {
            writeWhole(out, document);
            parent.err().println("wrote " + document.length + " bytes to " + out);
        }
        return Main.OK;
    }

    /** Writes beside {@code file} and moves into place, so a reader never sees half a document. */
    static void writeWhole(Path file, byte[] bytes) {
        try {
            Path absolute = file.toAbsolutePath();
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
            try {
                Files.write(partial, bytes);
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
