package agora.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * An SMTP server that answers as told, for the failures GreenMail never produces: it speaks the protocol over
 * TCP on {@link TestMailServer#PORT}, records every message it accepted or refused at the end of DATA, and
 * replies to RCPT and to the end of DATA with the codes its script gives for the n-th transaction.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** The replies for the n-th mail transaction (0-based), and whether to hang up right after DATA's reply. */
    record Script(IntFunction<String> rcptReply, IntFunction<String> dataReply, boolean hangUpAfterData) {
    }

    private final ServerSocket server;
    private final Script script;
    private final List<String> rcptCommands = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedSmtpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(TestMailServer.PORT, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    /** Every RCPT TO command received. */
    List<String> recipients() {
        return rcptCommands;
    }

    /** Every message body (headers included) received to the end of DATA. */
    List<String> messages() {
        return messages;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                var socket = server.accept();
                Thread.ofVirtual().start(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                var out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            reply(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                var command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 scripted");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    rcptCommands.add(line);
                    reply(out, script.rcptReply().apply(messages.size()));
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    var message = new StringBuilder();
                    while (!(line = in.readLine()).equals(".")) {
                        message.append(line).append('\n');
                    }
                    var reply = script.dataReply().apply(messages.size());
                    messages.add(message.toString());
                    reply(out, reply);
                    if (script.hangUpAfterData()) {
                        return;
                    }
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static void reply(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join();
    }
}
