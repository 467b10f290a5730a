package dev.pylon.evsemanager.internal.shell;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** One thread of its own per module instance; tasks run in submission order. */
public final class ThreadSerialContext implements SerialContext, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ThreadSerialContext.class.getName());
    private final ExecutorService executor;
    private volatile Thread thread;

    public ThreadSerialContext(String name) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.ERROR, "task failed on " + Thread.currentThread().getName(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "task dropped: the context is closed");
        }
    }

    @Override
    public boolean inContext() {
        return Thread.currentThread() == thread;
    }

    /** Lets the queued tasks finish (up to {@code waitMillis}), then stops the thread. */
    public void close(long waitMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(1000);
    }
}
