package eu.heapzilla.eventa.adapters.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The end of a connection that is answered without a request being served: the answer is
 * written, the sending side shut, and what the client still sends is read and dropped until it
 * closes too (or for {@link #LINGER_MILLIS} of silence). Closing a socket with unread bytes would
 * reset the connection, and the client could lose the answer before reading it.
 */
final class LastWords {

    static final long LINGER_MILLIS = 2_000;

    private LastWords() {
    }

    /**
     * Writes {@code answer}, then shuts output and calls {@code afterwards} (to keep reading). The
     * short idle timeout is set only once the answer is out: set before, it would count the
     * silence before the answer too and could close the connection before the answer is written.
     */
    static void say(EndPoint endPoint, ByteBuffer answer, Runnable afterwards) {
        endPoint.write(Callback.from(() -> {
            endPoint.shutdownOutput();
            endPoint.setIdleTimeout(LINGER_MILLIS);
            afterwards.run();
        }, failure -> endPoint.close()), answer);
    }

    /** Reads and drops what is there; true when more may come (ask to be called when it does). */
    static boolean drop(EndPoint endPoint) {
        ByteBuffer sink = BufferUtil.allocate(4096);
        try {
            while (true) {
                BufferUtil.clear(sink);
                int read = endPoint.fill(sink);
                if (read < 0) {
                    endPoint.close();
                    return false;
                }
                if (read == 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            endPoint.close();
            return false;
        }
    }
}
