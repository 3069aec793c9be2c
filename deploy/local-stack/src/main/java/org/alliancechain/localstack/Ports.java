package org.alliancechain.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago on the loopback interface. */
    public static int free() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean inUse(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses to start a server on a taken fixed port, with a message that says which. */
    public static void requireFree(int port, String what) {
        if (port != 0 && inUse(port)) {
            throw new IllegalStateException(what + ": port " + port + " is already in use (another ./run still running?)");
        }
    }
}
