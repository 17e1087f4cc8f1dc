package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Output routing and batching, with a recording sink in place of iopub. */
class CellStreamsTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    record Chunk(String name, String text) {}

    private final List<Chunk> published = new CopyOnWriteArrayList<>();

    private CellStreams cell(List<Chunk> into) {
        return new CellStreams((name, text) -> into.add(new Chunk(name, text)), timer, () -> "typed line");
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static void write(CellStreams cell, OutputRouter.Stream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        cell.write(stream, bytes, 0, bytes.length);
    }

    @Test
    void write_whenSmallWrites_thenPublishedTogetherSoonWithoutFlush() throws Exception {
        CellStreams cell = cell(published);
        write(cell, OutputRouter.Stream.STDOUT, "a\n");
        write(cell, OutputRouter.Stream.STDOUT, "b\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (published.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(new Chunk("stdout", "a\nb\n")), published);
    }

    @Test
    void write_whenStreamsAlternate_thenOrderKept() {
        CellStreams cell = cell(published);
        write(cell, OutputRouter.Stream.STDOUT, "1");
        write(cell, OutputRouter.Stream.STDERR, "2");
        write(cell, OutputRouter.Stream.STDOUT, "3");
        cell.flush();
        assertEquals(List.of(new Chunk("stdout", "1"), new Chunk("stderr", "2"), new Chunk("stdout", "3")), published);
    }

    @Test
    void write_whenFlood_thenChunksBoundedByBufferSize() {
        CellStreams cell = cell(published);
        for (int i = 0; i < 100_000; i++) {
            write(cell, OutputRouter.Stream.STDOUT, "line " + i + "\n");
        }
        cell.flush();
        assertTrue(published.stream().allMatch(c -> c.text().length() <= CellStreams.MAX_BUFFERED));
        String all = String.join("", published.stream().map(Chunk::text).toList());
        assertTrue(all.endsWith("line 99999\n"));
        assertTrue(published.size() < 1000);
    }

    @Test
    void completeCharactersEnd_whenMultiByteCharacterSplit_thenCutBeforeIt() {
        byte[] euro = "ab\u20ac".getBytes(StandardCharsets.UTF_8); // 2 ASCII + 3 bytes
        assertEquals(2, CellStreams.completeCharactersEnd(euro, 4));
        assertEquals(5, CellStreams.completeCharactersEnd(euro, 5));
    }

    @Test
    void read_whenSystemInRead_thenLineFromFrontEndWithNewline() throws Exception {
        CellStreams cell = cell(published);
        byte[] buffer = new byte[64];
        int n = cell.read(buffer, 0, buffer.length);
        assertEquals("typed line\n", new String(buffer, 0, n, StandardCharsets.UTF_8));
    }

    @Test
    void router_whenThreadBoundToCell_thenItsOutputGoesThereEvenAfterAnotherCellStarts() throws Exception {
        List<Chunk> first = new CopyOnWriteArrayList<>();
        List<Chunk> second = new CopyOnWriteArrayList<>();
        java.io.ByteArrayOutputStream kernelOut = new java.io.ByteArrayOutputStream();
        OutputRouter router = new OutputRouter(new PrintStream(kernelOut, true), new PrintStream(kernelOut, true));
        PrintStream out = router.printStream(OutputRouter.Stream.STDOUT);
        CellStreams cellOne = cell(first);
        CellStreams cellTwo = cell(second);
        router.begin(cellOne);
        Thread background = new Thread(() -> {
            router.bindCurrentThread(cellOne);
            out.print("from thread of cell one");
        });
        router.end(cellOne);
        router.begin(cellTwo);
        out.print("from cell two");
        background.start();
        background.join();
        Thread kernelThread = new Thread(() -> out.print("kernel log"), "iamnb-test");
        kernelThread.start();
        kernelThread.join();
        cellOne.flush();
        cellTwo.flush();
        assertEquals("from thread of cell one", String.join("", first.stream().map(Chunk::text).toList()));
        assertEquals("from cell two", String.join("", second.stream().map(Chunk::text).toList()));
        assertEquals("kernel log", kernelOut.toString(StandardCharsets.UTF_8));
    }
}
