package dev.pylon.runtime;

/** A subscription on the bus; closing it stops delivery. Closing twice does nothing. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
