/** Progress lines, each with the seconds since the generator started. */
final class Log {
    final long started = System.nanoTime();

    void line(String format, Object... args) {
        System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, format.formatted(args));
    }
}
