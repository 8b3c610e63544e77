package dev.trellis.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A private, real Kafka broker in a child process, for tests that must stop and restart the broker
 * without touching the shared one. It runs from the jars that {@code deploy/local/kafka.sh} resolved.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final Path libs;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker() throws IOException {
        this.libs = locateLibs();
        this.dir = Files.createTempDirectory("trellis-kafka-test-");
        this.port = freePort();
        this.controllerPort = freePort();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        try (var out = Files.newOutputStream(dir.resolve("server.properties"))) {
            props.store(out, "private test broker");
        }
        run(List.of("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                "-c", dir.resolve("server.properties").toString()), Duration.ofSeconds(60));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it answers metadata requests. */
    public void start() throws Exception {
        if (process != null && process.isAlive()) {
            return;
        }
        process = java(List.of("kafka.Kafka", dir.resolve("server.properties").toString()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("test broker exited; see " + dir.resolve("broker.log"));
            }
            if (listening()) {
                try (Admin client = Admin.create(admin)) {
                    client.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // still starting
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("test broker did not start in 60 s; see " + dir.resolve("broker.log"));
    }

    /** Stops the broker (SIGTERM) and waits for the process to end. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void run(List<String> args, Duration timeout) throws IOException {
        try {
            Process p = java(args).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("format.log").toFile())).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed; see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private ProcessBuilder java(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(libs + "/*");
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The broker jars: $TRELLIS_HOME/kafka/libs, or .trellis/kafka/libs in the repository. */
    private static Path locateLibs() {
        String home = System.getenv("TRELLIS_HOME");
        Path state = null;
        if (home != null && !home.isBlank()) {
            state = Path.of(home);
        } else {
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("deploy"))) {
                    state = p.resolve(".trellis");
                    break;
                }
            }
        }
        Path libs = state == null ? null : state.resolve("kafka").resolve("libs");
        if (libs == null || !Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka jars not found at " + libs
                    + "; run deploy/local/infra.sh up (or the README's test command) first");
        }
        return libs;
    }
}
